package dev.meshfed.cli.replay;

import dev.meshfed.oracle.mesh.ManagedObjects;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Path;
import java.util.Comparator;

/**
 * A desired object of a cluster rendered as the demo's dump renders it, with where the dump puts
 * it.
 *
 * @param namespaceDir the namespace, or {@link ManagedObjects#CLUSTER_SCOPED_DIR}
 * @param offset the offset of the record it was rendered from
 */
public record ReplayedObject(
    String cluster, String namespaceDir, String kind, String name, String yaml, long offset) {

  /** By cluster, namespace, kind and name, as the dump and the replay list objects. */
  public static final Comparator<ReplayedObject> ORDER =
      Comparator.comparing(ReplayedObject::cluster)
          .thenComparing(ReplayedObject::namespaceDir)
          .thenComparing(ReplayedObject::kind)
          .thenComparing(ReplayedObject::name);

  /**
   * @throws IllegalArgumentException when the record's manifest is not a Kubernetes object
   */
  public static ReplayedObject of(String cluster, DesiredRecord record) {
    GenericKubernetesResource object;
    try {
      object = Serialization.unmarshal(record.manifest(), GenericKubernetesResource.class);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "cluster " + cluster + ": record at offset " + record.offset() + " is not an object", e);
    }
    if (object == null
        || object.getKind() == null
        || object.getMetadata() == null
        || object.getMetadata().getName() == null) {
      throw new IllegalArgumentException(
          "cluster "
              + cluster
              + ": record at offset "
              + record.offset()
              + " has no kind or metadata.name");
    }
    return new ReplayedObject(
        cluster,
        ManagedObjects.namespaceDir(object),
        object.getKind(),
        object.getMetadata().getName(),
        ManagedObjects.toYaml(object),
        record.offset());
  }

  /** Where the dump puts it: {@code <namespace>/<Kind>/<name>.yaml} under the cluster's dir. */
  public Path pathInCluster() {
    return Path.of(namespaceDir, kind, name + ".yaml");
  }
}
