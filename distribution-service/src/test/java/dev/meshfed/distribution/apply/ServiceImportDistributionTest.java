package dev.meshfed.distribution.apply;

import static dev.meshfed.distribution.model.TestManifests.TEST_POSITION;
import static dev.meshfed.distribution.model.TestManifests.V1;
import static dev.meshfed.distribution.model.TestManifests.serviceEntry;
import static dev.meshfed.distribution.model.TestManifests.serviceEntryKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.meshfed.distribution.model.ApplyFailure;
import dev.meshfed.distribution.model.DesiredRecord;
import dev.meshfed.distribution.model.KindTable;
import dev.meshfed.distribution.model.ObjectKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * ServiceImports, whose desired manifest carries a status: the status is written after each apply,
 * and put back when others change it.
 */
class ServiceImportDistributionTest {

  private static final ObjectKey REVIEWS =
      new ObjectKey("multicluster.x-k8s.io/v1alpha1", "ServiceImport", "apps", "reviews");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final FakeSource topic = new FakeSource();
  private final FakeCluster cluster = new FakeCluster();
  private final FakeReports reports = new FakeReports();
  private final DistributionLoop loop =
      FakeLoops.over(topic, cluster, reports, KindTable.DISTRIBUTED, ApplyLatency.NONE);

  @AfterEach
  void stop() {
    loop.close();
  }

  @Test
  void theDesiredStatusIsWrittenAfterEachApplyAndOnlyWhereThereIsOne() {
    topic.add(serviceImport("east", "west"), serviceEntry(V1, "foo", "a.global"));
    loop.start();
    awaitCaughtUp();

    assertThat(clustersOf(REVIEWS)).isEqualTo(clusters("east", "west"));
    assertThat(cluster.writes())
        .containsSubsequence("apply apps/reviews=", "status apps/reviews")
        .contains("apply apps/foo=a.global")
        .doesNotContain("status apps/foo");

    topic.add(serviceImport("east"));

    await().until(() -> clustersOf(REVIEWS).equals(clusters("east")));
    assertThat(reports.repairs()).isEmpty();
  }

  @Test
  void aLateEchoOfItsOwnApplyIsNotTakenForDrift() {
    topic.add(serviceImport("east", "west"));
    loop.start();
    awaitCaughtUp();
    int writes = cluster.writes().size();
    int reads = cluster.reads().size();

    // what the apply left before the status write: the status would look edited away, and be
    // read again to be sure
    cluster.echoAgain(REVIEWS, 0);
    topic.add(serviceEntry(V1, "foo", "a.global"));

    await().until(() -> cluster.get(serviceEntryKey(V1, "foo")).isPresent());
    assertThat(cluster.writes().subList(writes, cluster.writes().size()))
        .containsExactly("apply apps/foo=a.global");
    assertThat(cluster.reads().subList(reads, cluster.reads().size()))
        .as("none: the watch knows the new object's name is free")
        .isEmpty();
    assertThat(reports.repairs()).isEmpty();
  }

  @Test
  void aStatusOthersChangedIsWrittenAgainAndReported() {
    topic.add(serviceImport("east", "west"));
    loop.start();
    awaitCaughtUp();

    cluster.editStatusBehindTheBack(REVIEWS, "clusters", clusters("west"));

    await().until(() -> clustersOf(REVIEWS).equals(clusters("east", "west")));
    await().until(() -> !reports.repairs().isEmpty());
    assertThat(reports.repairs()).containsExactly("apps/reviews: edited (status.clusters)");
  }

  @Test
  void aServiceImportTheClusterRefusesHoldsUpNoIstioConfigAndIsReported() {
    cluster.put(serviceEntryKey(V1, "kept"), true);
    cluster.breakWritesTo(REVIEWS, "Server-side apply failed (HTTP 404) NotFound");
    topic.add(
        serviceImport("east"),
        serviceEntry(V1, "foo", "a.global"),
        serviceEntry(V1, "kept", "kept.global"));
    loop.start();

    await().until(() -> cluster.get(serviceEntryKey(V1, "foo")).isPresent());
    await().until(() -> !reports.failures().isEmpty());
    ApplyFailure failure = reports.failures().get(0);
    assertThat(failure.key()).isEqualTo(REVIEWS);
    assertThat(failure.operation()).isEqualTo(ApplyFailure.Operation.APPLY);
    assertThat(failure.error()).contains("HTTP 404");
    assertThat(cluster.get(serviceEntryKey(V1, "kept")))
        .map(FakeCluster.Live::host)
        .contains("kept.global");
    assertThat(loop.status().pruned()).isZero();

    cluster.heal(REVIEWS);

    awaitCaughtUp();
    assertThat(clustersOf(REVIEWS)).isEqualTo(clusters("east"));
  }

  private void awaitCaughtUp() {
    await().until(() -> loop.status().caughtUp() && loop.status().pending() == 0);
  }

  private JsonNode clustersOf(ObjectKey key) {
    return cluster
        .get(key)
        .map(live -> live.object().path("status").path("clusters"))
        .orElse(NODES.missingNode());
  }

  private static JsonNode clusters(String... names) {
    var clusters = NODES.arrayNode();
    for (String name : names) {
      clusters.addObject().put("cluster", name);
    }
    return clusters;
  }

  private static DesiredRecord serviceImport(String... exporters) {
    String clusters = clusters(exporters).toString();
    return new DesiredRecord(
        REVIEWS,
        """
        {"apiVersion":"multicluster.x-k8s.io/v1alpha1","kind":"ServiceImport",
         "metadata":{"name":"reviews","namespace":"apps",
                     "labels":{"app.kubernetes.io/managed-by":"meshfed"}},
         "spec":{"type":"ClusterSetIP","ports":[{"protocol":"TCP","port":9080}]},
         "status":{"clusters":%s}}"""
            .formatted(clusters),
        TEST_POSITION);
  }
}
