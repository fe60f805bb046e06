package dev.meshfed.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meshfed.cli.events.EventView;
import dev.meshfed.oracle.mesh.ManagedObjects;
import dev.meshfed.schema.events.DriftRepaired;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What people and other tools do to meshfed's objects in a running mesh: the ServiceEntry that
 * makes cluster2's reviews reachable from cluster1 is deleted, edited (an exportTo hides it) and
 * taken over by another field manager. Each time it is back within five seconds, exactly as before,
 * the traffic flows again, and the repair is an event and a line of {@code meshfed status}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DriftRepairIT {

  private static final String ENTRY = "reviews-bookinfo-svc-cluster2-global";
  private static final Duration REPAIRED_WITHIN = Duration.ofSeconds(5);
  private static final ResourceDefinitionContext SERVICE_ENTRIES =
      ManagedObjects.istio("networking.istio.io", "ServiceEntry", "serviceentries");

  @RegisterExtension
  static final ScenarioRun run = ScenarioRun.named("drift-repair", "cluster-removal");

  private static Map<String, Object> federatedSpec;

  @Test
  @Order(1)
  void federated() throws Exception {
    run.runAndCompare("01-federated");

    federatedSpec = spec(entry(run.pipeline().clusters().get("cluster1").client()).get());
    assertFederatedBothWays();
  }

  @Test
  @Order(2)
  void aDeletedObjectIsBack() throws Exception {
    try (KubernetesClient kubectl = kubectl()) {
      entry(kubectl).delete();
    }

    awaitRepaired();
    assertThat(repairs()).containsExactly("DELETED");
  }

  @Test
  @Order(3)
  void anEditThatHidesTheHostIsUndone() throws Exception {
    try (KubernetesClient kubectl = kubectl()) {
      entry(kubectl)
          .edit(
              object -> {
                Map<String, Object> spec = new HashMap<>(spec(object));
                spec.put("exportTo", List.of("."));
                object.getAdditionalProperties().put("spec", spec);
                return object;
              });
    }

    awaitRepaired();
    assertThat(repairs()).containsExactly("DELETED", "EDITED spec.exportTo by kubectl");
  }

  @Test
  @Order(4)
  void anotherAppliersChangeIsTakenBack() throws Exception {
    GenericKubernetesResource takeover =
        new GenericKubernetesResourceBuilder()
            .withApiVersion("networking.istio.io/v1beta1")
            .withKind("ServiceEntry")
            .withNewMetadata()
            .withName(ENTRY)
            .withNamespace("istio-system")
            .endMetadata()
            .addToAdditionalProperties("spec", Map.of("hosts", List.of("elsewhere.example")))
            .build();
    try (KubernetesClient kubectl = kubectl()) {
      kubectl
          .genericKubernetesResources(SERVICE_ENTRIES)
          .inNamespace("istio-system")
          .resource(takeover)
          .fieldManager("ops-tool")
          .forceConflicts()
          .serverSideApply();
    }

    awaitRepaired();
    assertThat(repairs())
        .containsExactly(
            "DELETED", "EDITED spec.exportTo by kubectl", "TAKEN_OVER spec.hosts by ops-tool");
  }

  @Test
  @Order(5)
  void statusShowsTheRepairs() {
    String status = StatusOutput.of("--bootstrap-server", run.pipeline().bootstrapServers());

    assertThat(status.lines())
        .anySatisfy(line -> assertThat(line).startsWith("cluster1").endsWith("3 repaired"))
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith("cluster1")
                    .contains("ServiceEntry/istio-system/" + ENTRY, "TAKEN_OVER", "repaired")
                    .endsWith("spec.hosts by ops-tool"));
  }

  /** Back as it was within five seconds, then converged, the same dump and traffic as step 1. */
  private static void awaitRepaired() throws Exception {
    long start = System.nanoTime();
    await()
        .atMost(REPAIRED_WITHIN)
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> entry(run.pipeline().clusters().get("cluster1").client()).get(),
            live -> live != null && spec(live).equals(federatedSpec));
    System.out.printf(
        "DriftRepairIT: back as it was %d ms after the change%n",
        Duration.ofNanos(System.nanoTime() - start).toMillis());
    run.awaitAndCompare(run.step("01-federated"));
    assertFederatedBothWays();
  }

  /** cluster1's DriftRepaired events, as "DRIFT fields by managers". */
  private static List<String> repairs() {
    return await()
        .until(
            () ->
                run.events().stream()
                    .filter(event -> event.type().equals("DriftRepaired"))
                    .filter(event -> "cluster1".equals(event.reportedBy()))
                    .map(DriftRepairIT::describe)
                    .toList(),
            found -> !found.isEmpty());
  }

  private static String describe(EventView event) {
    DriftRepaired repaired = (DriftRepaired) event.event().getEvent();
    String text = repaired.getDrift().name();
    if (!repaired.getFields().isEmpty()) {
      text += " " + String.join(", ", repaired.getFields());
    }
    if (!repaired.getManagers().isEmpty()) {
      text += " by " + String.join(", ", repaired.getManagers());
    }
    return text;
  }

  private static void assertFederatedBothWays() {
    ClusterRemovalTraffic.assertFederatedBothWays(run);
  }

  private static Resource<GenericKubernetesResource> entry(KubernetesClient client) {
    return client
        .genericKubernetesResources(SERVICE_ENTRIES)
        .inNamespace("istio-system")
        .withName(ENTRY);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> spec(GenericKubernetesResource object) {
    return (Map<String, Object>) object.getAdditionalProperties().get("spec");
  }

  /** A client that identifies itself as kubectl does, so managedFields name it "kubectl". */
  private static KubernetesClient kubectl() {
    return new KubernetesClientBuilder()
        .withConfig(
            new ConfigBuilder(run.pipeline().clusters().get("cluster1").client().getConfiguration())
                .withUserAgent("kubectl/v1.31.0 (linux/amd64)")
                .build())
        .build();
  }
}
