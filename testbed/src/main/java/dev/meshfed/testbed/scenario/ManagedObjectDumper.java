package dev.meshfed.testbed.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshfed.testbed.SimulatedCluster;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads and writes the objects meshfed manages in a cluster (label {@value #MANAGED_BY_LABEL} =
 * {@value #MANAGED_BY_VALUE}), cleaned of what the server adds (uid, resourceVersion, generation,
 * creationTimestamp, managedFields, selfLink) and of status, as YAML with sorted keys so that equal
 * objects always read the same.
 */
public final class ManagedObjectDumper {

  public static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
  public static final String MANAGED_BY_VALUE = "meshfed";

  /** The field manager meshfed's distributor applies with. */
  public static final String FIELD_MANAGER = "meshfed";

  /** Written instead of a namespace for cluster-scoped objects. */
  public static final String CLUSTER_SCOPED_DIR = "_cluster";

  private static final List<String> SERVER_METADATA =
      List.of(
          "uid", "resourceVersion", "generation", "creationTimestamp", "managedFields", "selfLink");

  private static final Comparator<GenericKubernetesResource> NAMESPACE_KIND_NAME =
      Comparator.comparing((GenericKubernetesResource o) -> namespaceDir(o))
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
        .map(ManagedObjectDumper::cleaned)
        .sorted(NAMESPACE_KIND_NAME)
        .toList();
  }

  /**
   * Replaces {@code dir/<cluster>} with one file per managed object: {@code
   * dir/<cluster>/<namespace>/<Kind>/<name>.yaml} ({@value #CLUSTER_SCOPED_DIR} for cluster-scoped
   * objects).
   */
  public void dump(SimulatedCluster cluster, Path dir) throws IOException {
    Path clusterDir = dir.resolve(cluster.name());
    deleteRecursively(clusterDir);
    for (GenericKubernetesResource object : managedObjects(cluster.client())) {
      Path file =
          clusterDir
              .resolve(namespaceDir(object))
              .resolve(object.getKind())
              .resolve(object.getMetadata().getName() + ".yaml");
      Files.createDirectories(file.getParent());
      Files.writeString(file, toYaml(object));
    }
  }

  /** The object cleaned as {@link #managedObjects} cleans, as YAML with sorted keys. */
  public static String toYaml(GenericKubernetesResource object) {
    return KubernetesYaml.toStableYaml(cleanedTree(object));
  }

  private static Stream<GenericKubernetesResource> listManaged(
      KubernetesClient client, ResourceDefinitionContext kind) {
    var operation = client.genericKubernetesResources(kind);
    var scoped = kind.isNamespaceScoped() ? operation.inAnyNamespace() : operation;
    return scoped.withLabel(MANAGED_BY_LABEL, MANAGED_BY_VALUE).list().getItems().stream();
  }

  private static GenericKubernetesResource cleaned(GenericKubernetesResource object) {
    try {
      return KubernetesYaml.toResource(cleanedTree(object));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot convert back " + object.getMetadata().getName(), e);
    }
  }

  private static ObjectNode cleanedTree(GenericKubernetesResource object) {
    ObjectNode tree = KubernetesYaml.toTree(object);
    appliedApiVersion(tree).ifPresent(apiVersion -> tree.put("apiVersion", apiVersion));
    tree.remove("status");
    if (tree.get("metadata") instanceof ObjectNode metadata) {
      metadata.remove(SERVER_METADATA);
    }
    return tree;
  }

  /**
   * The API version meshfed applied the object with, from its managedFields entry: the dump shows
   * the object as it was applied, whichever version it was read through.
   */
  private static Optional<String> appliedApiVersion(ObjectNode tree) {
    for (JsonNode entry : tree.path("metadata").path("managedFields")) {
      if (FIELD_MANAGER.equals(entry.path("manager").asText())
          && "Apply".equals(entry.path("operation").asText())
          && entry.hasNonNull("apiVersion")) {
        return Optional.of(entry.get("apiVersion").asText());
      }
    }
    return Optional.empty();
  }

  private static String namespaceDir(GenericKubernetesResource object) {
    String namespace = object.getMetadata().getNamespace();
    return namespace == null || namespace.isEmpty() ? CLUSTER_SCOPED_DIR : namespace;
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
