package dev.meshfed.oracle.mesh;

import static dev.meshfed.oracle.mesh.ManagedObjects.istio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads what the oracle needs of a live cluster: workloads, Services, mesh config, Istio config.
 */
public final class ClusterObjects {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The Istio kinds meshfed writes, and those of users' config the oracle also reads. */
  private static final List<ResourceDefinitionContext> ISTIO_KINDS =
      java.util.stream.Stream.concat(
              ManagedObjects.istioKinds().stream(),
              java.util.stream.Stream.of(
                  istio("networking.istio.io", "WorkloadEntry", "workloadentries"),
                  istio("security.istio.io", "PeerAuthentication", "peerauthentications")))
          .toList();

  private ClusterObjects() {}

  /** Every cluster's objects, by name: the oracle's input. */
  public static Map<String, List<JsonNode>> read(Map<String, KubernetesClient> clients) {
    Map<String, List<JsonNode>> objects = new TreeMap<>();
    clients.forEach((name, client) -> objects.put(name, read(client)));
    return objects;
  }

  public static List<JsonNode> read(KubernetesClient client) {
    List<JsonNode> objects = new ArrayList<>();
    add(objects, client.namespaces().list().getItems());
    add(objects, client.nodes().list().getItems());
    add(objects, client.services().inAnyNamespace().list().getItems());
    add(objects, client.configMaps().inAnyNamespace().list().getItems());
    add(objects, client.pods().inAnyNamespace().list().getItems());
    add(objects, client.apps().deployments().inAnyNamespace().list().getItems());
    add(objects, client.apps().statefulSets().inAnyNamespace().list().getItems());
    add(objects, client.apps().daemonSets().inAnyNamespace().list().getItems());
    for (ResourceDefinitionContext kind : ISTIO_KINDS) {
      add(objects, client.genericKubernetesResources(kind).inAnyNamespace().list().getItems());
    }
    return objects;
  }

  private static void add(List<JsonNode> objects, List<? extends HasMetadata> items) {
    for (HasMetadata item : items) {
      JsonNode tree = JSON.valueToTree(item);
      ((com.fasterxml.jackson.databind.node.ObjectNode) tree).put("kind", item.getKind());
      objects.add(tree);
    }
  }
}
