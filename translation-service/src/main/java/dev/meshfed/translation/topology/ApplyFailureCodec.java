package dev.meshfed.translation.topology;

import dev.meshfed.schema.desired.DesiredKey;
import dev.meshfed.schema.events.ApplyFailed;
import dev.meshfed.translation.model.ApplyFailureInput;
import dev.meshfed.translation.model.ObjectId;
import java.util.Optional;

/**
 * How the apply-failures store keeps a failure: {@code cluster␁kind␁namespace␁name} to {@code
 * action␁attempts␁error}.
 */
final class ApplyFailureCodec {

  /** Cluster and object names never hold it. */
  private static final String SEPARATOR = "\u0001";

  private ApplyFailureCodec() {}

  static String key(String cluster, DesiredKey object) {
    return String.join(
        SEPARATOR, cluster, object.getKind(), object.getNamespace(), object.getName());
  }

  /** The keys of a cluster's failures start with it. */
  static String clusterPrefix(String cluster) {
    return cluster + SEPARATOR;
  }

  static String value(ApplyFailed failed) {
    return String.join(
        SEPARATOR,
        failed.getAction().name(),
        String.valueOf(failed.getAttempts()),
        failed.getError());
  }

  /**
   * A stored failure as the translator's input; empty for a key that is no failure's (a store
   * written by an earlier version also holds a change counter).
   */
  static Optional<ApplyFailureInput> input(String key, String value) {
    return id(key)
        .map(
            id -> {
              String[] failure = value.split(SEPARATOR, 3);
              return new ApplyFailureInput(
                  id, failure[0], Integer.parseInt(failure[1]), failure[2]);
            });
  }

  /** The id of the input a stored failure is, if the key is a failure's. */
  static Optional<ObjectId> id(String key) {
    String[] object = key.split(SEPARATOR, 4);
    return object.length == 4
        ? Optional.of(ApplyFailureInput.id(object[0], object[1], object[2], object[3]))
        : Optional.empty();
  }
}
