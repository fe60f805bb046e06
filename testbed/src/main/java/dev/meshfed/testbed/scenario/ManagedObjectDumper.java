package dev.meshfed.testbed.scenario;

import static dev.meshfed.oracle.mesh.ManagedObjects.MANAGED_BY_LABEL;
import static dev.meshfed.oracle.mesh.ManagedObjects.MANAGED_BY_VALUE;

import dev.meshfed.oracle.mesh.ManagedObjects;
import dev.meshfed.testbed.SimulatedCluster;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads and writes the objects meshfed manages in a cluster, cleaned and rendered as {@link
 * ManagedObjects} says.
 */
public final class ManagedObjectDumper {

  private static final Comparator<GenericKubernetesResource> NAMESPACE_KIND_NAME =
      Comparator.comparing(ManagedObjects::namespaceDir)
          .thenComparing(GenericKubernetesResource::getKind)
          .thenComparing(o -> o.getMetadata().getName());

  private final List<ResourceDefinitionContext> kinds;

  /** A dumper of the given kinds (each read through the version its context names). */
  public ManagedObjectDumper(List<ResourceDefinitionContext> kinds) {
    this.kinds = List.copyOf(kinds);
  }

  /** The cleaned managed objects of the cluster, sorted by namespace, kind and name. */
  public List<GenericKubernetesResource> managedObjects(KubernetesClient client) {
    return kinds.stream()
        .flatMap(kind -> listManaged(client, kind))
        .map(ManagedObjects::cleaned)
        .sorted(NAMESPACE_KIND_NAME)
        .toList();
  }

  /**
   * Replaces {@code dir/<cluster>} with one file per managed object: {@code
   * dir/<cluster>/<namespace>/<Kind>/<name>.yaml} ({@value ManagedObjects#CLUSTER_SCOPED_DIR} for
   * cluster-scoped objects).
   */
  public void dump(SimulatedCluster cluster, Path dir) throws IOException {
    Path clusterDir = dir.resolve(cluster.name());
    deleteRecursively(clusterDir);
    for (GenericKubernetesResource object : managedObjects(cluster.client())) {
      Path file =
          clusterDir
              .resolve(ManagedObjects.namespaceDir(object))
              .resolve(object.getKind())
              .resolve(object.getMetadata().getName() + ".yaml");
      Files.createDirectories(file.getParent());
      Files.writeString(file, ManagedObjects.toYaml(object));
    }
  }

  private static Stream<GenericKubernetesResource> listManaged(
      KubernetesClient client, ResourceDefinitionContext kind) {
    var operation = client.genericKubernetesResources(kind);
    var scoped = kind.isNamespaceScoped() ? operation.inAnyNamespace() : operation;
    return scoped.withLabel(MANAGED_BY_LABEL, MANAGED_BY_VALUE).list().getItems().stream();
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
