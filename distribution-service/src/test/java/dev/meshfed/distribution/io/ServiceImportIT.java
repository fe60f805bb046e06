package dev.meshfed.distribution.io;

import static dev.meshfed.distribution.io.IstioObjects.NETWORKING_V1;
import static dev.meshfed.distribution.io.IstioObjects.serviceEntry;
import static dev.meshfed.distribution.io.MultiClusterServicesApi.API_VERSION;
import static dev.meshfed.distribution.io.MultiClusterServicesApi.serviceImports;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.meshfed.distribution.apply.DistributionLoop;
import dev.meshfed.schema.desired.DesiredKey;
import dev.meshfed.schema.events.ApplyAction;
import dev.meshfed.schema.events.ApplyFailed;
import dev.meshfed.schema.events.DriftKind;
import dev.meshfed.schema.events.DriftRepaired;
import dev.meshfed.testbed.SimulatedCluster;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * ServiceImports in a simulated cluster with the Multi-Cluster Services CRDs of k8s/mcs-crds:
 * applied with their status, repaired when deleted or when others change their status, and pruned
 * once no longer desired; and in a cluster without them, reported while Istio config goes on.
 */
class ServiceImportIT {

  private static final Duration REPAIRED_WITHIN = Duration.ofSeconds(10);
  private static final Map<String, Object> SPEC =
      Map.of(
          "type",
          "ClusterSetIP",
          "ports",
          List.of(Map.of("name", "http", "protocol", "TCP", "port", 9080, "appProtocol", "http")));

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
  void aServiceImportIsAppliedWithItsStatusRepairedAndPrunedOnceNoLongerDesired() throws Exception {
    start("imports");
    translation.write(
        translation.object(API_VERSION, "ServiceImport", "reviews", serviceImport("reviews")),
        translation.object(API_VERSION, "ServiceImport", "ratings", serviceImport("ratings")),
        translation.object(
            NETWORKING_V1, "ServiceEntry", "foo", serviceEntry(NETWORKING_V1, "foo", "a.global")));
    loop = startLoop();
    awaitAsDesired("reviews");
    awaitAsDesired("ratings");
    assertThat(live("reviews").getAdditionalProperties()).containsEntry("spec", SPEC);

    serviceImports(cluster.client()).withName("reviews").delete();
    awaitAsDesired("reviews");

    try (KubernetesClient other = distributed.clientWithUserAgent("other-mcs-controller/1.0")) {
      serviceImports(other)
          .withName("reviews")
          .subresource("status")
          .patch(
              PatchContext.of(PatchType.JSON),
              "[{\"op\":\"replace\",\"path\":\"/status\","
                  + "\"value\":{\"clusters\":[{\"cluster\":\"west\"}]}}]");
    }
    awaitAsDesired("reviews");

    List<DriftRepaired> repairs =
        await()
            .pollInSameThread()
            .until(
                () ->
                    applied.events().stream()
                        .filter(DriftRepaired.class::isInstance)
                        .map(DriftRepaired.class::cast)
                        .toList(),
                events -> events.size() == 2);
    assertThat(repairs)
        .extracting(DriftRepaired::getDrift, DriftRepaired::getFields, DriftRepaired::getManagers)
        .containsExactly(
            tuple(DriftKind.DELETED, List.of(), List.of()),
            tuple(DriftKind.EDITED, List.of("status.clusters"), List.of("other-mcs-controller")));

    loop.close();
    translation.write(translation.tombstone(API_VERSION, "ServiceImport", "ratings"));
    loop = startLoop();

    await().until(() -> loop.status().caughtUp() && loop.status().pruned() == 1);
    assertThat(serviceImports(cluster.client()).withName("ratings").get()).isNull();
    awaitAsDesired("reviews");
  }

  @Test
  void aClusterWithoutTheCrdsKeepsDistributingIstioConfigAndReportsTheServiceImport()
      throws Exception {
    cluster = SimulatedCluster.start("unserved");
    cluster.serveOnlyDefinedKinds();
    cluster.installIstio("1.24.6");
    startTopics();
    IstioObjects.create(cluster.client(), serviceEntry(NETWORKING_V1, "kept", "kept.global"));
    IstioObjects.create(cluster.client(), serviceEntry(NETWORKING_V1, "stale", "stale.global"));
    translation.write(
        translation.object(API_VERSION, "ServiceImport", "reviews", serviceImport("reviews")),
        translation.object(
            NETWORKING_V1,
            "ServiceEntry",
            "kept",
            serviceEntry(NETWORKING_V1, "kept", "kept.global")),
        translation.object(
            NETWORKING_V1, "ServiceEntry", "foo", serviceEntry(NETWORKING_V1, "foo", "a.global")));
    loop = startLoop();

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
    assertThat(failure.getObject())
        .isEqualTo(new DesiredKey(API_VERSION, "ServiceImport", IstioObjects.NAMESPACE, "reviews"));
    assertThat(failure.getAction()).isEqualTo(ApplyAction.APPLY);
    assertThat(failure.getError()).contains("HTTP 404");
    await().until(() -> loop.status().pruned() == 1);
    assertThat(IstioObjects.get(cluster.client(), NETWORKING_V1, "ServiceEntry", "stale"))
        .isEmpty();
    assertThat(IstioObjects.get(cluster.client(), NETWORKING_V1, "ServiceEntry", "kept"))
        .isPresent();
    await()
        .until(
            () ->
                IstioObjects.get(cluster.client(), NETWORKING_V1, "ServiceEntry", "foo")
                    .isPresent());
    assertThat(loop.alive()).isTrue();

    MultiClusterServicesApi.install(cluster);

    awaitAsDesired("reviews");
    await().until(() -> loop.status().caughtUp());
  }

  private void start(String name) throws Exception {
    cluster = SimulatedCluster.start(name);
    MultiClusterServicesApi.install(cluster);
    startTopics();
  }

  private void startTopics() throws Exception {
    distributed = new DistributedCluster(broker, cluster);
    translation = distributed.translation();
    applied = distributed.applied();
  }

  private DistributionLoop startLoop() {
    return distributed.startLoop();
  }

  /** Until the live ServiceImport has the desired spec and status. */
  private void awaitAsDesired(String name) {
    await()
        .atMost(REPAIRED_WITHIN)
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              GenericKubernetesResource live = live(name);
              return live != null
                  && SPEC.equals(live.getAdditionalProperties().get("spec"))
                  && Map.of(
                          "clusters", List.of(Map.of("cluster", "east"), Map.of("cluster", "west")))
                      .equals(live.getAdditionalProperties().get("status"));
            });
  }

  private GenericKubernetesResource live(String name) {
    return serviceImports(cluster.client()).withName(name).get();
  }

  private static String serviceImport(String name) {
    return Serialization.asJson(
        Map.of(
            "apiVersion",
            API_VERSION,
            "kind",
            "ServiceImport",
            "metadata",
            Map.of(
                "name",
                name,
                "namespace",
                IstioObjects.NAMESPACE,
                "labels",
                Map.of(IstioObjects.MANAGED_BY, "meshfed")),
            "spec",
            SPEC,
            "status",
            Map.of("clusters", List.of(Map.of("cluster", "east"), Map.of("cluster", "west")))));
  }
}
