package dev.meshfed.distribution.io;

import static dev.meshfed.distribution.io.IstioObjects.MANAGED_BY;
import static dev.meshfed.distribution.io.IstioObjects.NAMESPACE;
import static dev.meshfed.distribution.io.IstioObjects.NETWORKING_V1;
import static dev.meshfed.distribution.io.IstioObjects.NETWORKING_V1BETA1;
import static dev.meshfed.distribution.io.IstioObjects.hosts;
import static dev.meshfed.distribution.io.IstioObjects.serviceEntry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.meshfed.distribution.apply.DistributionLoop;
import dev.meshfed.oracle.mesh.ManagedObjects;
import dev.meshfed.schema.events.ApplyAction;
import dev.meshfed.schema.events.ApplyFailed;
import dev.meshfed.schema.events.DriftKind;
import dev.meshfed.schema.events.DriftRepaired;
import dev.meshfed.testbed.SimulatedCluster;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Drift in a simulated cluster that keeps managedFields as a real one does: what others delete,
 * edit or take over of meshfed's objects is back within five seconds, and reported.
 */
class DriftRepairIT {

  private static final Duration REPAIRED_WITHIN = Duration.ofSeconds(5);
  private static final ResourceDefinitionContext SERVICE_ENTRIES =
      ManagedObjects.istio("networking.istio.io", "ServiceEntry", "serviceentries");

  @RegisterExtension static final TestBroker broker = new TestBroker();

  private SimulatedCluster cluster;
  private DistributedCluster distributed;
  private DistributionLoop loop;
  private DesiredTopicWriter translation;
  private AppliedTopicReader applied;

  @AfterEach
  void stopAll() {
    distributed.close();
  }

  @Test
  void deletedEditedAndTakenOverObjectsAreBackWithinSecondsAndReported() throws Exception {
    start("drift");
    translation.write(
        translation.object(
            NETWORKING_V1, "ServiceEntry", "foo", serviceEntry(NETWORKING_V1, "foo", "a.global")));
    await().until(() -> loop.status().caughtUp() && loop.status().applied() == 1);

    serviceEntries(cluster.client()).withName("foo").delete();
    awaitRepaired();

    try (KubernetesClient kubectl =
        distributed.clientWithUserAgent("kubectl/v1.31.0 (linux/amd64)")) {
      serviceEntries(kubectl)
          .withName("foo")
          .edit(
              object -> {
                object
                    .getAdditionalProperties()
                    .put(
                        "spec",
                        Map.of(
                            "hosts",
                            List.of("evil.example"),
                            "location",
                            "MESH_INTERNAL",
                            "resolution",
                            "DNS",
                            "exportTo",
                            List.of(".")));
                return object;
              });
    }
    awaitRepaired();
    assertThat(spec()).doesNotContainKey("exportTo");

    GenericKubernetesResource takeover =
        new GenericKubernetesResourceBuilder()
            .withApiVersion(NETWORKING_V1BETA1)
            .withKind("ServiceEntry")
            .withNewMetadata()
            .withName("foo")
            .withNamespace(NAMESPACE)
            .endMetadata()
            .addToAdditionalProperties("spec", Map.of("hosts", List.of("ops.example")))
            .build();
    serviceEntries(cluster.client())
        .resource(takeover)
        .fieldManager("ops-tool")
        .forceConflicts()
        .serverSideApply();
    awaitRepaired();

    List<DriftRepaired> repairs =
        await()
            .pollInSameThread()
            .until(
                () ->
                    applied.events().stream()
                        .filter(DriftRepaired.class::isInstance)
                        .map(DriftRepaired.class::cast)
                        .toList(),
                events -> events.size() == 3);
    assertThat(repairs)
        .extracting(DriftRepaired::getDrift, DriftRepaired::getFields, DriftRepaired::getManagers)
        .containsExactly(
            tuple(DriftKind.DELETED, List.of(), List.of()),
            tuple(DriftKind.EDITED, List.of("spec.exportTo", "spec.hosts"), List.of("kubectl")),
            tuple(DriftKind.TAKEN_OVER, List.of("spec.hosts"), List.of("ops-tool")));
    assertThat(loop.status().driftRepaired()).isEqualTo(3);
  }

  @Test
  void anObjectMeshfedDoesNotManageIsReportedNotOverwritten() throws Exception {
    start("theirs");
    serviceEntries(cluster.client())
        .resource(
            new GenericKubernetesResourceBuilder()
                .withApiVersion(NETWORKING_V1BETA1)
                .withKind("ServiceEntry")
                .withNewMetadata()
                .withName("foo")
                .withNamespace(NAMESPACE)
                .withLabels(Map.of("team", "ops"))
                .endMetadata()
                .addToAdditionalProperties("spec", Map.of("hosts", List.of("theirs.example")))
                .build())
        .create();

    translation.write(
        translation.object(
            NETWORKING_V1, "ServiceEntry", "foo", serviceEntry(NETWORKING_V1, "foo", "a.global")));

    ApplyFailed failure =
        await()
            .pollInSameThread()
            .until(
                () ->
                    applied.events().stream()
                        .filter(ApplyFailed.class::isInstance)
                        .map(ApplyFailed.class::cast)
                        .findFirst(),
                found -> found.isPresent())
            .orElseThrow();
    assertThat(failure.getAction()).isEqualTo(ApplyAction.APPLY);
    assertThat(failure.getDrift()).isEqualTo(DriftKind.UNMANAGED);
    assertThat(failure.getError()).contains("is not managed by meshfed");
    assertThat(hosts(live())).containsExactly("theirs.example");
    assertThat(live().getMetadata().getLabels()).doesNotContainKey(MANAGED_BY);

    serviceEntries(cluster.client())
        .withName("foo")
        .edit(
            object -> {
              Map<String, String> labels = new HashMap<>(object.getMetadata().getLabels());
              labels.put(MANAGED_BY, "meshfed");
              object.getMetadata().setLabels(labels);
              return object;
            });
    await().atMost(Duration.ofSeconds(10)).until(() -> hosts(live()).equals(List.of("a.global")));
  }

  private void start(String name) throws Exception {
    cluster = SimulatedCluster.start(name);
    distributed = new DistributedCluster(broker, cluster);
    translation = distributed.translation();
    applied = distributed.applied();
    loop = distributed.startLoop();
  }

  private void awaitRepaired() {
    await()
        .atMost(REPAIRED_WITHIN)
        .pollInterval(Duration.ofMillis(50))
        .until(
            () ->
                IstioObjects.get(cluster.client(), NETWORKING_V1, "ServiceEntry", "foo")
                    .map(object -> spec())
                    .filter(
                        spec ->
                            spec.equals(
                                Map.of(
                                    "hosts",
                                    List.of("a.global"),
                                    "location",
                                    "MESH_INTERNAL",
                                    "resolution",
                                    "DNS")))
                    .isPresent());
  }

  private GenericKubernetesResource live() {
    return serviceEntries(cluster.client()).withName("foo").get();
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> spec() {
    return (Map<String, Object>) live().getAdditionalProperties().get("spec");
  }

  private static NonNamespaceOperation<
          GenericKubernetesResource,
          GenericKubernetesResourceList,
          Resource<GenericKubernetesResource>>
      serviceEntries(KubernetesClient client) {
    return client.genericKubernetesResources(SERVICE_ENTRIES).inNamespace(NAMESPACE);
  }
}
