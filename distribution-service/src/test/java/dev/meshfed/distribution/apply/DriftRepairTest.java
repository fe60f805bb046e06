package dev.meshfed.distribution.apply;

import static dev.meshfed.distribution.model.TestManifests.V1;
import static dev.meshfed.distribution.model.TestManifests.serviceEntry;
import static dev.meshfed.distribution.model.TestManifests.serviceEntryKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.meshfed.distribution.model.ApplyFailure;
import dev.meshfed.distribution.model.Drift;
import dev.meshfed.distribution.model.KindTable;
import dev.meshfed.distribution.model.ObjectKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The loop puts back what others change of meshfed's objects, and never takes what is theirs. */
class DriftRepairTest {

  private static final ObjectKey FOO = serviceEntryKey(V1, "foo");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final FakeSource topic = new FakeSource();
  private final FakeCluster cluster = new FakeCluster();
  private final FakeReports reports = new FakeReports();
  private final DistributionLoop loop =
      FakeLoops.over(topic, cluster, reports, KindTable.ISTIO, ApplyLatency.NONE);

  @AfterEach
  void stop() {
    loop.close();
  }

  @Test
  void meshfedsOwnWritesAreNoDrift() {
    topic.add(serviceEntry(V1, "foo", "a.global"));
    loop.start();
    awaitCaughtUp();
    topic.add(serviceEntry(V1, "foo", "b.global"));
    topic.add(serviceEntry(V1, "bar", "bar.global"));

    await().until(() -> loop.status().applied() == 3 && loop.status().pending() == 0);
    assertThat(reports.repairs()).isEmpty();
    assertThat(loop.status().driftRepaired()).isZero();
  }

  @Test
  void aDeletedObjectIsAppliedAgainAndReported() {
    startWithFoo();

    cluster.deleteBehindTheBack(FOO);

    await().until(() -> cluster.get(FOO).isPresent());
    assertThat(cluster.get(FOO)).map(FakeCluster.Live::host).contains("a.global");
    await().until(() -> !reports.repairs().isEmpty());
    assertThat(reports.repairs()).containsExactly("apps/foo: deleted");
    assertThat(loop.status().driftRepaired()).isEqualTo(1);
  }

  @Test
  void anEditedObjectIsAppliedAgainAndReported() {
    startWithFoo();

    cluster.editBehindTheBack(FOO, "hosts", NODES.arrayNode().add("evil.example"));

    await()
        .until(() -> cluster.get(FOO).map(FakeCluster.Live::host).orElse(""), "a.global"::equals);
    await().until(() -> !reports.repairs().isEmpty());
    assertThat(reports.repairs()).containsExactly("apps/foo: edited (spec.hosts)");
  }

  @Test
  void aFieldAddedToTheSpecIsRemoved() {
    startWithFoo();

    cluster.editBehindTheBack(FOO, "exportTo", NODES.arrayNode().add("."));

    await()
        .until(
            () -> cluster.get(FOO).orElseThrow().object().path("spec").has("exportTo"),
            has -> !has);
    await().until(() -> !reports.repairs().isEmpty());
    assertThat(reports.repairs()).containsExactly("apps/foo: edited (spec.exportTo)");
    assertThat(cluster.writes()).contains("remove [[spec, exportTo]] from apps/foo");
  }

  @Test
  void aFieldAddedWhileItsApplyWasRetryingIsRemovedOnceTheApplyGoesThrough() {
    startWithFoo();
    cluster.breakWritesTo(FOO);
    topic.add(serviceEntry(V1, "foo", "b.global"));
    await().until(() -> cluster.failedWrites(FOO) > 0);

    // passed over while the apply is pending; the apply keeps it, as server-side apply does
    cluster.editBehindTheBack(FOO, "exportTo", NODES.arrayNode().add("."));
    cluster.heal(FOO);

    await()
        .until(
            () -> cluster.get(FOO).orElseThrow().object().path("spec").has("exportTo"),
            has -> !has);
    assertThat(cluster.get(FOO)).map(FakeCluster.Live::host).contains("b.global");
    await().until(() -> !reports.repairs().isEmpty());
    assertThat(reports.repairs()).containsExactly("apps/foo: edited (spec.exportTo)");
  }

  @Test
  void driftWhileTheServiceWasDownIsRepairedAndReportedAtCatchUp() {
    cluster.put(FOO, true);
    topic.add(serviceEntry(V1, "foo", "a.global"));

    loop.start();
    awaitCaughtUp();

    assertThat(cluster.get(FOO)).map(FakeCluster.Live::host).contains("a.global");
    assertThat(reports.repairs()).containsExactly("apps/foo: edited (spec.hosts, spec.resolution)");
  }

  @Test
  void anObjectMeshfedDoesNotManageIsNotOverwrittenUntilItIsHandedOver() {
    cluster.put(FOO, false);
    topic.add(serviceEntry(V1, "foo", "a.global"));
    loop.start();

    await().until(() -> !reports.failures().isEmpty());
    ApplyFailure failure = reports.failures().get(0);
    assertThat(failure.operation()).isEqualTo(ApplyFailure.Operation.APPLY);
    assertThat(failure.drift()).isEqualTo(Drift.Kind.UNMANAGED);
    assertThat(failure.error())
        .isEqualTo(
            "ServiceEntry apps/foo exists and is not managed by meshfed (no"
                + " app.kubernetes.io/managed-by=meshfed label): not overwritten; delete it, or add"
                + " the label to hand it over");
    assertThat(cluster.get(FOO)).map(FakeCluster.Live::host).contains("preexisting");
    assertThat(loop.status().caughtUp()).isFalse();

    cluster.put(FOO, true);

    await()
        .until(() -> cluster.get(FOO).map(FakeCluster.Live::host).orElse(""), "a.global"::equals);
    awaitCaughtUp();
  }

  private void startWithFoo() {
    topic.add(serviceEntry(V1, "foo", "a.global"));
    loop.start();
    awaitCaughtUp();
  }

  private void awaitCaughtUp() {
    await().until(() -> loop.status().caughtUp() && loop.status().pending() == 0);
  }
}
