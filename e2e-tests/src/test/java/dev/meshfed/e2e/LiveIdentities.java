package dev.meshfed.e2e;

import dev.meshfed.lab.demo.DemoPipeline;
import dev.meshfed.oracle.mesh.ManagedObjects;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What the API servers say of every meshfed-managed object, by {@code cluster/Kind/namespace/name}:
 * read raw, as the dumps drop server metadata.
 */
final class LiveIdentities {

  private LiveIdentities() {}

  /** The uid: another one means deleted and re-created. */
  static Map<String, String> uids(DemoPipeline pipeline) {
    return of(pipeline, ObjectMeta::getUid);
  }

  /** uid@resourceVersion: another one means re-created or updated. */
  static Map<String, String> versions(DemoPipeline pipeline) {
    return of(pipeline, meta -> meta.getUid() + "@" + meta.getResourceVersion());
  }

  private static Map<String, String> of(
      DemoPipeline pipeline, Function<ObjectMeta, String> identity) {
    Map<String, String> ids = new TreeMap<>();
    pipeline
        .clusters()
        .forEach(
            (cluster, simulated) -> {
              for (var kind : ManagedObjects.istioKinds()) {
                for (GenericKubernetesResource o :
                    simulated
                        .client()
                        .genericKubernetesResources(kind)
                        .inAnyNamespace()
                        .withLabel("app.kubernetes.io/managed-by", "meshfed")
                        .list()
                        .getItems()) {
                  ObjectMeta meta = o.getMetadata();
                  if (meta.getUid() == null || meta.getResourceVersion() == null) {
                    throw new AssertionError("the API server gave no uid or version: " + o);
                  }
                  ids.put(
                      String.join("/", cluster, o.getKind(), meta.getNamespace(), meta.getName()),
                      identity.apply(meta));
                }
              }
            });
    return ids;
  }
}
