package dev.meshfed.testbed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshfed.oracle.istio.IstioCrds;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IstioInstallTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void istio_1_11_serves_v1alpha3_and_v1beta1_and_stores_v1alpha3() {
    CustomResourceDefinition crd = crd(IstioCrds.forVersion("1.11.8"), "serviceentries");
    assertThat(versions(crd)).containsExactlyInAnyOrder("v1alpha3*", "v1beta1");
    CustomResourceDefinition policies = crd(IstioCrds.forVersion("1.11"), "authorizationpolicies");
    assertThat(versions(policies)).containsExactly("v1beta1*");
  }

  @Test
  void istio_1_24_serves_v1_and_stores_v1beta1() {
    List<CustomResourceDefinition> crds = IstioCrds.forVersion("1.24.6");
    assertThat(crds)
        .extracting(c -> c.getMetadata().getName())
        .containsExactlyInAnyOrder(
            "serviceentries.networking.istio.io",
            "workloadentries.networking.istio.io",
            "gateways.networking.istio.io",
            "virtualservices.networking.istio.io",
            "destinationrules.networking.istio.io",
            "sidecars.networking.istio.io",
            "authorizationpolicies.security.istio.io",
            "peerauthentications.security.istio.io");
    assertThat(versions(crd(crds, "sidecars")))
        .containsExactlyInAnyOrder("v1", "v1beta1*", "v1alpha3");
    assertThat(versions(crd(crds, "peerauthentications")))
        .containsExactlyInAnyOrder("v1", "v1beta1*");
  }

  @Test
  void versions_before_1_11_or_not_versions_are_refused() {
    assertThatThrownBy(() -> IstioCrds.forVersion("1.10.3"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> IstioCrds.forVersion("latest"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void discovery_lists_serviceentries_as_kubectl_finds_them() throws Exception {
    try (SimulatedCluster cluster = SimulatedCluster.start("east")) {
      cluster.installIstio("1.24.6");
      cluster
          .client()
          .genericKubernetesResources(context("v1"))
          .inNamespace("istio-system")
          .resource(serviceEntry("v1", "reviews"))
          .create();

      JsonNode groups = JSON.readTree(cluster.client().raw("/apis"));
      JsonNode networking = null;
      for (JsonNode group : groups.path("groups")) {
        if (group.path("name").asText().equals("networking.istio.io")) {
          networking = group;
        }
      }
      assertThat(networking).isNotNull();
      String preferred = networking.path("preferredVersion").path("groupVersion").asText();
      assertThat(preferred).isEqualTo("networking.istio.io/v1");
      List<String> resources = new ArrayList<>();
      JSON.readTree(cluster.client().raw("/apis/" + preferred))
          .path("resources")
          .forEach(r -> resources.add(r.path("name").asText()));
      assertThat(resources).contains("serviceentries", "gateways", "sidecars");
      JsonNode all = JSON.readTree(cluster.client().raw("/apis/" + preferred + "/serviceentries"));
      assertThat(all.path("items")).hasSize(1);
      assertThat(all.path("items").get(0).path("metadata").path("name").asText())
          .isEqualTo("reviews");
    }
  }

  @Test
  void a_version_the_installed_istio_does_not_serve_answers_404() {
    try (SimulatedCluster cluster = SimulatedCluster.start("old")) {
      cluster.installIstio("1.11.8");
      assertThatThrownBy(
              () ->
                  cluster
                      .client()
                      .genericKubernetesResources(context("v1"))
                      .inNamespace("istio-system")
                      .resource(serviceEntry("v1", "reviews"))
                      .create())
          .isInstanceOfSatisfying(
              KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(404));
      GenericKubernetesResource created =
          cluster
              .client()
              .genericKubernetesResources(context("v1alpha3"))
              .inNamespace("istio-system")
              .resource(serviceEntry("v1alpha3", "reviews"))
              .create();
      assertThat(created.getApiVersion()).isEqualTo("networking.istio.io/v1alpha3");
      assertThat(
              cluster
                  .client()
                  .genericKubernetesResources(context("v1beta1"))
                  .inNamespace("istio-system")
                  .withName("reviews")
                  .get())
          .isNotNull();
    }
  }

  @Test
  void without_istio_installed_objects_are_stored_unchecked_in_every_version() {
    try (SimulatedCluster cluster = SimulatedCluster.start("bare")) {
      GenericKubernetesResource invalid = serviceEntry("v1", "reviews");
      invalid.setAdditionalProperty("spec", Map.of("hosts", List.of("*"), "unknownField", 1));
      cluster
          .client()
          .genericKubernetesResources(context("v1"))
          .inNamespace("istio-system")
          .resource(invalid)
          .create();
      assertThat(
              cluster
                  .client()
                  .genericKubernetesResources(context("v1alpha3"))
                  .inNamespace("istio-system")
                  .withName("reviews")
                  .get())
          .isNotNull();
    }
  }

  static ResourceDefinitionContext context(String version) {
    return new ResourceDefinitionContext.Builder()
        .withGroup("networking.istio.io")
        .withVersion(version)
        .withKind("ServiceEntry")
        .withPlural("serviceentries")
        .withNamespaced(true)
        .build();
  }

  private static GenericKubernetesResource serviceEntry(String version, String name) {
    return Serialization.unmarshal(
        """
        apiVersion: networking.istio.io/%s
        kind: ServiceEntry
        metadata:
          name: %s
          namespace: istio-system
        spec:
          hosts: [reviews.bookinfo.global]
          location: MESH_INTERNAL
          resolution: DNS
          ports:
          - {number: 9080, name: http, protocol: HTTP}
        """
            .formatted(version, name),
        GenericKubernetesResource.class);
  }

  private static CustomResourceDefinition crd(List<CustomResourceDefinition> crds, String plural) {
    return crds.stream()
        .filter(c -> c.getSpec().getNames().getPlural().equals(plural))
        .findFirst()
        .orElseThrow();
  }

  /** Served versions, the stored one marked with '*'. */
  private static List<String> versions(CustomResourceDefinition crd) {
    return crd.getSpec().getVersions().stream()
        .filter(CustomResourceDefinitionVersion::getServed)
        .map(v -> v.getName() + (v.getStorage() ? "*" : ""))
        .toList();
  }
}
