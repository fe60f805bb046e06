package dev.meshfed.testbed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Field ownership as a real API server records it, which drift detection reads. */
class ManagedFieldsTest {

  private static final ResourceDefinitionContext SERVICE_ENTRY = IstioInstallTest.context("v1");
  private static final String NAMESPACE = "istio-system";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static SimulatedCluster cluster;
  private static KubernetesClient client;

  @BeforeAll
  static void startCluster() {
    cluster = SimulatedCluster.start("fields");
    client = cluster.client();
  }

  @AfterAll
  static void stopCluster() {
    cluster.close();
  }

  @Test
  void anApplyOwnsTheFieldsItSends() {
    apply("meshfed", serviceEntry("owned", List.of("a.example")));

    assertThat(entries("owned"))
        .singleElement()
        .satisfies(
            entry -> {
              assertThat(entry.getManager()).isEqualTo("meshfed");
              assertThat(entry.getOperation()).isEqualTo("Apply");
              assertThat(fields(entry))
                  .isEqualTo(
                      JSON.readTree(
                          """
                          {"f:metadata":{"f:labels":{"f:team":{}}},"f:spec":{"f:hosts":{}}}
                          """));
            });
  }

  @Test
  void aForcedApplyOfAnotherManagerTakesTheFieldsItSends() {
    apply("meshfed", serviceEntry("taken", List.of("a.example")));
    GenericKubernetesResource takeover =
        new GenericKubernetesResourceBuilder()
            .withApiVersion("networking.istio.io/v1")
            .withKind("ServiceEntry")
            .withNewMetadata()
            .withName("taken")
            .endMetadata()
            .addToAdditionalProperties("spec", Map.of("hosts", List.of("b.example")))
            .build();
    apply("ops-tool", takeover);

    assertThat(entries("taken"))
        .extracting(ManagedFieldsEntry::getManager, entry -> fields(entry).toString())
        .containsExactlyInAnyOrder(
            tuple("meshfed", "{\"f:metadata\":{\"f:labels\":{\"f:team\":{}}}}"),
            tuple("ops-tool", "{\"f:spec\":{\"f:hosts\":{}}}"));

    apply("meshfed", serviceEntry("taken", List.of("a.example")));

    assertThat(entries("taken"))
        .extracting(ManagedFieldsEntry::getManager)
        .containsExactly("meshfed");
  }

  @Test
  void anApplyOfTheSameValuesSharesTheFields() {
    apply("meshfed", serviceEntry("shared", List.of("a.example")));
    apply("ops-tool", serviceEntry("shared", List.of("a.example")));

    assertThat(entries("shared"))
        .extracting(ManagedFieldsEntry::getManager, entry -> fields(entry).toString())
        .containsExactlyInAnyOrder(
            tuple(
                "meshfed",
                "{\"f:metadata\":{\"f:labels\":{\"f:team\":{}}},\"f:spec\":{\"f:hosts\":{}}}"),
            tuple(
                "ops-tool",
                "{\"f:metadata\":{\"f:labels\":{\"f:team\":{}}},\"f:spec\":{\"f:hosts\":{}}}"));
  }

  @Test
  void aPlainEditOwnsWhatItChangedUnderItsFieldManager() {
    apply("meshfed", serviceEntry("edited", List.of("a.example")));

    try (KubernetesClient kubectl = clientWithUserAgent("kubectl/v1.31.0 (linux/amd64)")) {
      kubectl
          .genericKubernetesResources(SERVICE_ENTRY)
          .inNamespace(NAMESPACE)
          .withName("edited")
          .edit(
              object -> {
                object
                    .getAdditionalProperties()
                    .put("spec", Map.of("hosts", List.of("a.example"), "exportTo", List.of(".")));
                return object;
              });
    }

    assertThat(entries("edited"))
        .extracting(ManagedFieldsEntry::getManager, ManagedFieldsEntry::getOperation)
        .containsExactlyInAnyOrder(tuple("meshfed", "Apply"), tuple("kubectl", "Update"));
    ManagedFieldsEntry edit =
        entries("edited").stream()
            .filter(entry -> entry.getManager().equals("kubectl"))
            .findFirst()
            .orElseThrow();
    assertThat(fields(edit).toString()).isEqualTo("{\"f:spec\":{\"f:exportTo\":{}}}");
  }

  private static KubernetesClient clientWithUserAgent(String userAgent) {
    return new KubernetesClientBuilder()
        .withConfig(new ConfigBuilder(client.getConfiguration()).withUserAgent(userAgent).build())
        .build();
  }

  private static void apply(String manager, GenericKubernetesResource object) {
    client
        .genericKubernetesResources(SERVICE_ENTRY)
        .inNamespace(NAMESPACE)
        .resource(object)
        .fieldManager(manager)
        .forceConflicts()
        .serverSideApply();
  }

  private static List<ManagedFieldsEntry> entries(String name) {
    return client
        .genericKubernetesResources(SERVICE_ENTRY)
        .inNamespace(NAMESPACE)
        .withName(name)
        .get()
        .getMetadata()
        .getManagedFields();
  }

  private static JsonNode fields(ManagedFieldsEntry entry) {
    return JSON.valueToTree(entry.getFieldsV1());
  }

  private static GenericKubernetesResource serviceEntry(String name, List<String> hosts) {
    return new GenericKubernetesResourceBuilder()
        .withApiVersion("networking.istio.io/v1")
        .withKind("ServiceEntry")
        .withNewMetadata()
        .withName(name)
        .withNamespace(NAMESPACE)
        .withLabels(Map.of("team", "a"))
        .endMetadata()
        .addToAdditionalProperties("spec", Map.of("hosts", hosts))
        .build();
  }
}
