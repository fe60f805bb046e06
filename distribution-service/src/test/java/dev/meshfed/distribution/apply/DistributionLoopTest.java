package dev.meshfed.distribution.apply;

import static dev.meshfed.distribution.model.TestManifests.V1;
import static dev.meshfed.distribution.model.TestManifests.V1BETA1;
import static dev.meshfed.distribution.model.TestManifests.at;
import static dev.meshfed.distribution.model.TestManifests.serviceEntry;
import static dev.meshfed.distribution.model.TestManifests.serviceEntryKey;
import static dev.meshfed.distribution.model.TestManifests.tombstone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meshfed.distribution.model.ApplyFailure;
import dev.meshfed.distribution.model.Convergence;
import dev.meshfed.distribution.model.DesiredRecord;
import dev.meshfed.distribution.model.DistributionStatus;
import dev.meshfed.distribution.model.KindTable;
import dev.meshfed.distribution.model.ObjectKey;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DistributionLoopTest {

  private static final ObjectKey FOO = serviceEntryKey(V1, "foo");
  private static final ObjectKey BAR = serviceEntryKey(V1, "bar");

  private final FakeSource topic = new FakeSource();
  private final FakeCluster cluster = new FakeCluster();
  private final FakeReports reports = new FakeReports();
  private final List<Duration> latencies = new CopyOnWriteArrayList<>();
  private final DistributionLoop loop =
      FakeLoops.over(topic, cluster, reports, KindTable.ISTIO, latencies::add);

  @AfterEach
  void stop() {
    loop.close();
  }

  @Test
  void appliesTheStateReadAtStartThenEachNewRecord() {
    topic.add(serviceEntry(V1, "foo", "a.global"), serviceEntry(V1, "bar", "bar.global"));
    loop.start();
    awaitCaughtUp();

    assertThat(cluster.get(FOO)).map(FakeCluster.Live::host).contains("a.global");
    assertThat(loop.status()).isEqualTo(new DistributionStatus(2, 2, 0, 0, 0, 0, 0, 0, 0, 0, true));

    topic.add(serviceEntry(V1, "foo", "b.global"));
    topic.add(tombstone(V1, "bar"));

    await().until(() -> cluster.get(BAR).isEmpty());
    assertThat(cluster.get(FOO)).map(FakeCluster.Live::host).contains("b.global");
    assertThat(loop.status()).isEqualTo(new DistributionStatus(1, 3, 1, 0, 0, 0, 0, 0, 0, 0, true));
    // reported just after the write that the awaits above see
    await().until(() -> latencies.size() >= 2);
    assertThat(latencies)
        .as("an apply and a delete for records read after catching up; none for the catch-up")
        .hasSize(2)
        .allSatisfy(
            latency -> assertThat(latency).isBetween(Duration.ZERO, Duration.ofSeconds(30)));
  }

  @Test
  void prunesOnlyOnceTheWholeTopicIsRead() {
    cluster.put(serviceEntryKey(V1, "stray"), true);
    cluster.put(serviceEntryKey(V1, "late"), true);
    cluster.put(serviceEntryKey(V1, "manual"), false);
    topic.add(serviceEntry(V1, "foo", "foo.global"));
    topic.add(serviceEntry(V1, "bar", "bar.global"));
    topic.add(serviceEntry(V1BETA1, "late", "late.global"));
    loop.start();
    awaitCaughtUp();

    assertThat(cluster.get(serviceEntryKey(V1, "stray"))).isEmpty();
    assertThat(cluster.get(serviceEntryKey(V1, "late"))).isPresent();
    assertThat(cluster.get(serviceEntryKey(V1, "manual"))).isPresent();
    assertThat(cluster.writes())
        .containsOnlyOnce("delete apps/stray")
        .noneMatch(w -> w.contains("late") && w.startsWith("delete"));
    assertThat(loop.status().pruned()).isEqualTo(1);
  }

  @Test
  void aCatchUpThatFindsMostManagedObjectsUndesiredPrunesNoneAndReportsIt() {
    cluster.put(serviceEntryKey(V1, "a"), true);
    cluster.put(serviceEntryKey(V1, "b"), true);
    cluster.put(serviceEntryKey(V1, "c"), true);
    topic.add(serviceEntry(V1, "a", "a.global"));
    loop.start();
    awaitCaughtUp();

    assertThat(cluster.get(serviceEntryKey(V1, "b"))).isPresent();
    assertThat(cluster.get(serviceEntryKey(V1, "c"))).isPresent();
    assertThat(loop.status().pruned()).isZero();
    assertThat(loop.status().pruneWithheld()).isEqualTo(2);
    assertThat(reports.withheld())
        .containsExactly(
            "2: 2 of the 3 objects meshfed manages in the cluster are not desired, more than 50%:"
                + " the desired topic may be truncated or re-created"
                + " (meshfed.distribution.prune-limit-percent)");
    await().until(() -> !reports.convergences().isEmpty());
    assertThat(reports.convergences().get(0).pruneWithheld()).isEqualTo(2);
  }

  @Test
  void anEmptyDesiredTopicPrunesNothing() {
    cluster.put(serviceEntryKey(V1, "a"), true);
    loop.start();
    awaitCaughtUp();

    assertThat(cluster.get(serviceEntryKey(V1, "a"))).isPresent();
    assertThat(reports.withheld())
        .singleElement()
        .asString()
        .startsWith("1: the desired topic holds no object");
  }

  @Test
  void aVersionSwitchInOneTransactionNeverDeletesTheObject() {
    topic.add(serviceEntry(V1BETA1, "foo", "a.global"));
    loop.start();
    awaitCaughtUp();

    topic.add(tombstone(V1BETA1, "foo"), serviceEntry(V1, "foo", "b.global"));

    await()
        .until(() -> cluster.get(FOO).map(live -> live.key().apiVersion()).orElse(""), V1::equals);
    assertThat(cluster.writes())
        .containsExactly("apply apps/foo=a.global", "apply apps/foo=b.global");
  }

  @Test
  void aTombstoneOfTheOldVersionAfterTheNewRecordKeepsTheObject() {
    topic.add(serviceEntry(V1BETA1, "foo", "a.global"));
    loop.start();
    awaitCaughtUp();

    topic.add(serviceEntry(V1, "foo", "b.global"));
    topic.add(tombstone(V1BETA1, "foo"));
    topic.add(serviceEntry(V1, "bar", "bar.global"));

    // Records are handled in order: once bar is there, foo's tombstone has been acted on.
    await().until(() -> cluster.get(BAR).isPresent());
    assertThat(cluster.get(FOO)).map(FakeCluster.Live::host).contains("b.global");
    assertThat(cluster.writes()).noneMatch(write -> write.startsWith("delete"));
  }

  @Test
  void oneFailingObjectIsRetriedWithoutHoldingUpTheOthers() {
    cluster.breakWritesTo(FOO);
    topic.add(serviceEntry(V1, "foo", "foo.global"), serviceEntry(V1, "bar", "bar.global"));
    loop.start();

    await().until(() -> cluster.writes().stream().filter(w -> w.endsWith("failed")).count() >= 3);
    assertThat(cluster.get(BAR)).isPresent();
    assertThat(loop.status())
        .extracting(
            DistributionStatus::pending, DistributionStatus::retrying, DistributionStatus::caughtUp)
        .containsExactly(1, 1, false);

    cluster.heal(FOO);

    awaitCaughtUp();
    assertThat(cluster.get(FOO)).isPresent();
    assertThat(loop.status().retrying()).isZero();
    assertThat(loop.status().failedAttempts())
        .as("every failed write counts")
        .isEqualTo(cluster.writes().stream().filter(w -> w.endsWith("failed")).count());
  }

  @Test
  void aRetryAppliesTheLatestRecordOfItsObject() {
    loop.start();
    awaitCaughtUp();
    cluster.breakWritesTo(FOO);
    topic.add(serviceEntry(V1, "foo", "a.global"));
    await().until(() -> cluster.writes().contains("apply apps/foo=a.global failed"));

    topic.add(serviceEntry(V1, "foo", "b.global"));
    await().until(() -> cluster.writes().contains("apply apps/foo=b.global failed"));
    cluster.heal(FOO);

    await().until(() -> cluster.get(FOO).isPresent());
    assertThat(cluster.get(FOO)).map(FakeCluster.Live::host).contains("b.global");
    assertThat(cluster.writes()).doesNotContain("apply apps/foo=a.global");
  }

  @Test
  void aDeleteIsRetriedUntilItSucceeds() {
    topic.add(serviceEntry(V1, "foo", "a.global"));
    loop.start();
    awaitCaughtUp();
    cluster.breakWritesTo(FOO);

    topic.add(tombstone(V1, "foo"));
    await().until(() -> cluster.writes().contains("delete apps/foo failed"));
    cluster.heal(FOO);

    await().until(() -> cluster.get(FOO).isEmpty());
    assertThat(loop.status().deleted()).isEqualTo(1);
    assertThat(reports.failures())
        .singleElement()
        .extracting(ApplyFailure::operation, ApplyFailure::key)
        .containsExactly(ApplyFailure.Operation.DELETE, FOO);
  }

  @Test
  void anUnusableRecordIsCountedAsFailedAndTheRestIsApplied() {
    topic.add(
        new DesiredRecord(FOO, "{broken", at(0)),
        new DesiredRecord(new ObjectKey("apps/v1", "Deployment", "apps", "web"), "{}", at(1)),
        serviceEntry(V1, "bar", "bar.global"));
    loop.start();
    awaitCaughtUp();

    assertThat(loop.status().failed()).isEqualTo(2);
    assertThat(cluster.get(BAR)).isPresent();
    assertThat(cluster.get(FOO)).isEmpty();
  }

  @Test
  void retriesCreatingTheTopicUntilItWorks() {
    topic.failTopicCreation(2);
    topic.add(serviceEntry(V1, "foo", "a.global"));
    loop.start();

    awaitCaughtUp();
    assertThat(cluster.get(FOO)).isPresent();
  }

  @Test
  void reportsAFailureOnceAndAgainWhenItsErrorChanges() {
    cluster.breakWritesTo(FOO, "quota exceeded");
    topic.add(serviceEntry(V1, "foo", "a.global"));
    loop.start();

    await().until(() -> cluster.failedWrites(FOO) >= 3);
    assertThat(reports.failures())
        .containsExactly(new ApplyFailure(FOO, ApplyFailure.Operation.APPLY, 1, "quota exceeded"));

    cluster.breakWritesTo(FOO, "admission webhook denied");
    await().until(() -> reports.failures().size() == 2);
    long failedSoFar = cluster.failedWrites(FOO);
    await().until(() -> cluster.failedWrites(FOO) >= failedSoFar + 3);

    assertThat(reports.failures()).hasSize(2);
    ApplyFailure changed = reports.failures().get(1);
    assertThat(changed.error()).isEqualTo("admission webhook denied");
    assertThat(changed.attempts()).isGreaterThan(3);
  }

  @Test
  void reportsAFailedPruneAsPrune() {
    ObjectKey stray = serviceEntryKey(V1, "stray");
    cluster.put(stray, true);
    cluster.put(FOO, true);
    cluster.put(BAR, true);
    topic.add(serviceEntry(V1, "foo", "foo.global"), serviceEntry(V1, "bar", "bar.global"));
    cluster.breakWritesTo(stray);
    loop.start();

    await().until(() -> !reports.failures().isEmpty());
    assertThat(reports.failures().get(0))
        .extracting(ApplyFailure::operation, ApplyFailure::key, ApplyFailure::attempts)
        .containsExactly(ApplyFailure.Operation.PRUNE, stray, 1);
  }

  @Test
  void reportsConvergenceOnceCaughtUpEvenIfNothingChanged() {
    loop.start();

    await().until(() -> !reports.convergences().isEmpty());
    assertThat(reports.convergences())
        .containsExactly(new Convergence(0, 0, 0, 0, 0, OptionalLong.empty(), 0));
  }

  @Test
  void reportsConvergenceAfterCatchUpAndAgainAfterEachChange() {
    cluster.put(serviceEntryKey(V1, "stray"), true);
    topic.add(serviceEntry(V1, "foo", "a.global"), serviceEntry(V1, "bar", "bar.global"));
    loop.start();

    await().until(() -> reports.convergences().size() == 1);
    assertThat(reports.convergences())
        .containsExactly(new Convergence(2, 2, 0, 1, 0, OptionalLong.of(1), 0));

    topic.add(tombstone(V1, "bar"));
    await().until(() -> reports.convergences().size() == 2);
    assertThat(reports.convergences().get(1))
        .isEqualTo(new Convergence(1, 2, 1, 1, 0, OptionalLong.of(2), 0));

    topic.add(new DesiredRecord(BAR, "{broken", at(0)), serviceEntry(V1, "foo", "b.global"));
    await().until(() -> reports.convergences().size() == 3);
    assertThat(reports.convergences().get(2))
        .isEqualTo(new Convergence(1, 3, 1, 1, 1, OptionalLong.of(4), 0));
  }

  @Test
  void reportsNoConvergenceWhileAnObjectIsRetrying() {
    cluster.breakWritesTo(FOO);
    topic.add(serviceEntry(V1, "foo", "foo.global"), serviceEntry(V1, "bar", "bar.global"));
    loop.start();

    await().until(() -> cluster.failedWrites(FOO) >= 3 && cluster.get(BAR).isPresent());
    assertThat(reports.convergences()).isEmpty();

    cluster.heal(FOO);
    await().until(() -> !reports.convergences().isEmpty());
    assertThat(reports.convergences())
        .containsExactly(new Convergence(2, 2, 0, 0, 0, OptionalLong.of(1), 0));
    assertThat(reports.failures()).hasSize(1);
  }

  @Test
  void reportsThatFailNeitherStopNorRepeatTheWrites() {
    reports.breakReporting();
    cluster.breakWritesTo(FOO);
    topic.add(serviceEntry(V1, "foo", "a.global"));
    loop.start();
    await().until(() -> cluster.failedWrites(FOO) >= 2);
    cluster.heal(FOO);
    awaitCaughtUp();

    topic.add(serviceEntry(V1, "bar", "bar.global"));

    await().until(() -> cluster.get(BAR).isPresent());
    assertThat(cluster.writes()).containsOnlyOnce("apply apps/foo=a.global");
    await().until(() -> loop.status().pending() == 0);
    assertThat(loop.status().applied()).isEqualTo(2);
  }

  @Test
  void closeStopsReadingAndClosesTheSourceAndTheReports() {
    loop.start();
    awaitCaughtUp();

    loop.close();

    assertThat(topic.closed()).isTrue();
    assertThat(reports.closed()).isTrue();
    topic.add(serviceEntry(V1, "foo", "a.global"));
    assertThat(loop.status().caughtUp()).isTrue();
    assertThat(cluster.writes()).isEmpty();
  }

  private void awaitCaughtUp() {
    await().atMost(Duration.ofSeconds(10)).until(() -> loop.status().caughtUp());
  }
}
