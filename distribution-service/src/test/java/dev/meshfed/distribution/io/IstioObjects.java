package dev.meshfed.distribution.io;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Istio manifests as translation-service writes them, and reading them back from a cluster. */
final class IstioObjects {

  static final String NAMESPACE = "apps";
  static final String NETWORKING_V1 = "networking.istio.io/v1";
  static final String NETWORKING_V1BETA1 = "networking.istio.io/v1beta1";
  static final String SECURITY_V1 = "security.istio.io/v1";
  static final String MANAGED_BY = "app.kubernetes.io/managed-by";

  private static final Map<String, String> PLURALS =
      Map.of(
          "ServiceEntry", "serviceentries",
          "AuthorizationPolicy", "authorizationpolicies",
          "VirtualService", "virtualservices");

  private IstioObjects() {}

  static String serviceEntry(String apiVersion, String name, String host) {
    return manifest(
        apiVersion,
        "ServiceEntry",
        name,
        true,
        Map.of("hosts", List.of(host), "location", "MESH_INTERNAL", "resolution", "DNS"));
  }

  static String authorizationPolicy(String name, String principal) {
    return manifest(
        SECURITY_V1,
        "AuthorizationPolicy",
        name,
        true,
        Map.of(
            "rules",
            List.of(
                Map.of(
                    "from", List.of(Map.of("source", Map.of("principals", List.of(principal))))))));
  }

  static String manifest(
      String apiVersion, String kind, String name, boolean managed, Map<String, Object> spec) {
    Map<String, String> labels = managed ? Map.of(MANAGED_BY, "meshfed") : Map.of("team", "ops");
    return Serialization.asJson(
        Map.of(
            "apiVersion", apiVersion,
            "kind", kind,
            "metadata", Map.of("name", name, "namespace", NAMESPACE, "labels", labels),
            "spec", spec));
  }

  static Optional<GenericKubernetesResource> get(
      KubernetesClient client, String apiVersion, String kind, String name) {
    return Optional.ofNullable(
        client
            .genericKubernetesResources(context(apiVersion, kind))
            .inNamespace(NAMESPACE)
            .withName(name)
            .get());
  }

  static GenericKubernetesResource create(KubernetesClient client, String manifest) {
    GenericKubernetesResource object =
        Serialization.unmarshal(manifest, GenericKubernetesResource.class);
    return client
        .genericKubernetesResources(context(object.getApiVersion(), object.getKind()))
        .inNamespace(NAMESPACE)
        .resource(object)
        .create();
  }

  static NonNamespaceOperation<
          GenericKubernetesResource,
          GenericKubernetesResourceList,
          Resource<GenericKubernetesResource>>
      serviceEntries(KubernetesClient client) {
    return client
        .genericKubernetesResources(context(NETWORKING_V1, "ServiceEntry"))
        .inNamespace(NAMESPACE);
  }

  @SuppressWarnings("unchecked")
  static List<String> hosts(GenericKubernetesResource serviceEntry) {
    Map<String, Object> spec =
        (Map<String, Object>) serviceEntry.getAdditionalProperties().get("spec");
    return (List<String>) spec.get("hosts");
  }

  private static ResourceDefinitionContext context(String apiVersion, String kind) {
    String plural = PLURALS.get(kind);
    return new ResourceDefinitionContext.Builder()
        .withGroup(apiVersion.substring(0, apiVersion.indexOf('/')))
        .withVersion(apiVersion.substring(apiVersion.indexOf('/') + 1))
        .withKind(kind)
        .withPlural(plural)
        .withNamespaced(true)
        .build();
  }
}
