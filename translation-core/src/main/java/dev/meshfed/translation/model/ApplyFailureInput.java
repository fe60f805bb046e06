package dev.meshfed.translation.model;

/**
 * An object a cluster's distribution-service cannot write, as it last reported: its id is the
 * cluster's, kind {@value #KIND}, the object's namespace, and {@code Kind/name}. It holds until the
 * cluster converges again.
 */
public record ApplyFailureInput(ObjectId id, String action, int attempts, String error)
    implements Input {

  public static final String KIND = "ApplyFailure";

  public static ObjectId id(String cluster, String kind, String namespace, String name) {
    return new ObjectId(cluster, KIND, namespace, kind + "/" + name);
  }
}
