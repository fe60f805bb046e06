package dev.meshfed.translation.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.translate.UnitId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RecomputeScheduleTest {

  private static final UnitId SERVICE =
      UnitId.service(new ObjectId("cluster1", "Service", "bookinfo", "reviews"));
  private static final UnitId GATEWAY = UnitId.gateway("cluster1");
  private static final UnitId STATUS = UnitId.status("mgmt");
  private static final List<UnitId> EVERY_UNIT = List.of(UnitId.MEMBERSHIP, GATEWAY, SERVICE);

  /** Long past any quiet period, batch interval or status interval. */
  private static final long LATER = 60_000;

  private final RecomputeSchedule schedule = new RecomputeSchedule(2);
  private final AtomicInteger everyUnitAsked = new AtomicInteger();

  @Test
  void nothingDueRecomputesNothing() {
    RecomputeSchedule.Batch batch = next(LATER);

    assertThat(batch.units()).isEmpty();
    assertThat(batch.startsFullRecompute()).isFalse();
    assertThat(everyUnitAsked).hasValue(0);
  }

  @Test
  void aServiceChangeRecomputesItsUnitsRightAwayAndLeavesStatusesToThePunctuation() {
    assertThat(schedule.changed(Optional.of(List.of(GATEWAY, SERVICE, STATUS)), 7))
        .containsExactly(GATEWAY, SERVICE);

    RecomputeSchedule.Batch batch = next(LATER);

    assertThat(batch.units()).containsExactly(STATUS);
    assertThat(batch.timestamp()).as("the change that made them due").isEqualTo(7);
    assertThat(batch.startsFullRecompute()).isFalse();
    assertThat(next(2 * LATER).units()).as("counted once").isEmpty();
  }

  @Test
  void aChangeThatAffectsMoreUnitsThanABatchRecomputesTheRestOnThePunctuationABatchAtATime() {
    UnitId other = UnitId.gateway("cluster2");
    UnitId third = UnitId.gateway("cluster3");

    assertThat(schedule.changed(Optional.of(List.of(GATEWAY, SERVICE, other, STATUS, third)), 7))
        .as("one transaction's worth now")
        .containsExactly(GATEWAY, SERVICE);
    assertThat(schedule.changed(Optional.of(List.of(other)), 8))
        .as("a later change does not wait for the deferred units")
        .containsExactly(other);
    RecomputeSchedule.Batch first = next(LATER);
    RecomputeSchedule.Batch second = next(LATER + 50);

    assertThat(first.units()).as("recomputed once").containsExactly(third);
    assertThat(first.timestamp()).as("the change that deferred them").isEqualTo(7);
    assertThat(first.startsFullRecompute()).isFalse();
    assertThat(second.units()).as("then the statuses").containsExactly(STATUS);
    assertThat(next(LATER + 100).units()).isEmpty();
  }

  @Test
  void aFullRecomputeTakesOverTheDeferredUnits() {
    schedule.changed(Optional.of(List.of(GATEWAY, SERVICE, UnitId.gateway("cluster2"))), 7);
    schedule.changed(Optional.empty(), 9);

    List<UnitId> handedOut = new ArrayList<>();
    for (long now = LATER; now < LATER + 1_000; now += 50) {
      handedOut.addAll(next(now).units());
    }

    assertThat(handedOut).as("every unit once, by the full recompute").isEqualTo(EVERY_UNIT);
  }

  @Test
  void statusesAreCountedAtMostEveryFiveSeconds() {
    schedule.changed(Optional.of(List.of(STATUS)), 1);
    assertThat(next(LATER).units()).containsExactly(STATUS);

    schedule.changed(Optional.of(List.of(STATUS)), 2);
    assertThat(next(LATER + 4_999).units()).isEmpty();
    RecomputeSchedule.Batch batch = next(LATER + 5_000);

    assertThat(batch.units()).containsExactly(STATUS);
    assertThat(batch.timestamp()).isEqualTo(2);
  }

  @Test
  void aChangeThatMayMoveMembershipMakesAFullRecomputeDueThatTheChangesAfterItWaitFor() {
    assertThat(schedule.changed(Optional.empty(), 5)).isEmpty();
    assertThat(schedule.changed(Optional.of(List.of(SERVICE, STATUS)), 9)).isEmpty();

    RecomputeSchedule.Batch first = next(LATER);
    RecomputeSchedule.Batch second = next(LATER + 50);

    assertThat(first.startsFullRecompute()).isTrue();
    assertThat(first.units()).containsExactly(UnitId.MEMBERSHIP, GATEWAY);
    assertThat(first.timestamp()).as("the latest change that made it due").isEqualTo(9);
    assertThat(second.startsFullRecompute()).isFalse();
    assertThat(second.units()).containsExactly(SERVICE);
    assertThat(second.timestamp()).isEqualTo(9);
    assertThat(everyUnitAsked).hasValue(1);
  }

  @Test
  void aChangeThatMayMoveMembershipDuringAFullRecomputeRestartsItAtTheNextBatch() {
    schedule.changed(Optional.empty(), 5);
    RecomputeSchedule.Batch first = next(LATER);

    assertThat(schedule.changed(Optional.empty(), 7)).as("waits for the restarted one").isEmpty();
    RecomputeSchedule.Batch second = next(LATER + 50);
    RecomputeSchedule.Batch third = next(LATER + 100);

    assertThat(first.units()).containsExactly(UnitId.MEMBERSHIP, GATEWAY);
    assertThat(second.startsFullRecompute()).as("with the membership resolved afresh").isTrue();
    assertThat(second.fullRecomputeUnits()).isEqualTo(EVERY_UNIT.size());
    assertThat(second.timestamp()).isEqualTo(7);
    assertThat(second.units())
        .as("the unit the first had not handed out, then the first of those it had")
        .containsExactly(SERVICE, UnitId.MEMBERSHIP);
    assertThat(second.finishesFullRecompute()).isEmpty();
    assertThat(third.units()).containsExactly(GATEWAY);
    assertThat(third.finishesFullRecompute())
        .contains(new FullRecompute.Finished(EVERY_UNIT.size(), 50));
  }

  @Test
  void aChangeDuringAFullRecomputeLeavesAUnitItHasNotHandedOutToItsNextBatch() {
    schedule.changed(Optional.empty(), 5);
    RecomputeSchedule.Batch first = next(LATER);

    assertThat(schedule.changed(Optional.of(List.of(SERVICE)), 7)).isEmpty();
    assertThat(schedule.changed(Optional.of(List.of(SERVICE)), 8)).as("coalesced").isEmpty();
    assertThat(schedule.changed(Optional.of(List.of(GATEWAY)), 9))
        .as("handed out already")
        .containsExactly(GATEWAY);
    RecomputeSchedule.Batch second = next(LATER + 50);

    assertThat(first.units()).containsExactly(UnitId.MEMBERSHIP, GATEWAY);
    assertThat(second.units()).containsExactly(SERVICE);
    assertThat(second.timestamp()).as("the latest change it took over").isEqualTo(8);
    assertThat(second.finishesFullRecompute()).isPresent();
  }

  @Test
  void aFullRecomputeSaysHowManyUnitsItStartsWithAndTheBatchThatEndsItSaysSo() {
    schedule.changed(Optional.empty(), 5);

    RecomputeSchedule.Batch first = next(LATER);
    RecomputeSchedule.Batch second = next(LATER + 50);
    RecomputeSchedule.Batch third = next(LATER + 100);

    assertThat(first.fullRecomputeUnits()).isEqualTo(EVERY_UNIT.size());
    assertThat(first.finishesFullRecompute()).isEmpty();
    assertThat(second.finishesFullRecompute())
        .contains(new FullRecompute.Finished(EVERY_UNIT.size(), 50));
    assertThat(third.finishesFullRecompute()).as("once").isEmpty();
  }

  @Test
  void dueStatusesWaitForTheFullRecompute() {
    schedule.changed(Optional.of(List.of(STATUS)), 1);
    schedule.changed(Optional.empty(), 2);

    assertThat(next(LATER).units()).doesNotContain(STATUS);
    assertThat(next(LATER + 50).units()).doesNotContain(STATUS);
    assertThat(next(LATER + 100).units()).containsExactly(STATUS);
  }

  @Test
  void batchesWaitForTheInputToBeQuietOrForASecondToPass() {
    schedule.changed(Optional.empty(), 1);
    assertThat(next(LATER).units()).hasSize(2);
    freshRecordAt(LATER + 10);
    assertThat(next(LATER + 59).units()).as("records still coming").isEmpty();
    assertThat(next(LATER + 60).units()).as("quiet for 50 ms").hasSize(1);

    schedule.changed(Optional.of(List.of(SERVICE, GATEWAY, UnitId.MEMBERSHIP)), 2);
    freshRecordAt(LATER + 1_030);
    assertThat(next(LATER + 1_040).units()).as("records still coming").isEmpty();
    freshRecordAt(LATER + 2_020);
    assertThat(next(LATER + 2_025).units())
        .as("records still coming, for less than a second since the batch")
        .isEmpty();
    freshRecordAt(LATER + 2_030);
    assertThat(next(LATER + 2_035).units())
        .as("a second of records since the last batch: the deferred unit")
        .hasSize(1);
  }

  @Test
  void aDueFullRecomputeWaitsForTheInputToBeQuietOrForFiveSecondsToPass() {
    freshRecordAt(LATER);
    schedule.changed(Optional.empty(), 1);
    for (long at = LATER + 10; at < LATER + 5_000; at += 10) {
      freshRecordAt(at);
      assertThat(next(at + 5).units()).as("records still coming at %d", at).isEmpty();
    }
    freshRecordAt(LATER + 5_000);
    assertThat(next(LATER + 5_005).startsFullRecompute()).as("due for five seconds").isTrue();

    freshRecordAt(LATER + 5_010);
    schedule.changed(Optional.empty(), 2);
    for (long at = LATER + 5_020; at <= LATER + 6_100; at += 10) {
      freshRecordAt(at);
    }
    assertThat(next(LATER + 6_105).units())
        .as("the running one, a second on: the due one is to replace it, so it waits too")
        .isEmpty();
    RecomputeSchedule.Batch quiet = next(LATER + 6_200);
    assertThat(quiet.startsFullRecompute()).isTrue();
    assertThat(quiet.timestamp()).isEqualTo(2);
  }

  @Test
  void aRecordReadASecondAfterItWasWrittenKeepsTheInputBusyUntilNoneCameForASecond() {
    freshRecordAt(LATER);
    schedule.changed(Optional.empty(), 1);
    // one processing loop of a backlog: Kafka Streams hands each record the loop's start time
    schedule.recordArrived(LATER + 10, LATER - 30_000);

    assertThat(next(LATER + 200).units())
        .as("190 ms without a record, after one that waited 30 s: behind, not quiet")
        .isEmpty();
    assertThat(next(LATER + 1_009).units()).isEmpty();
    assertThat(next(LATER + 1_010).startsFullRecompute()).as("none for a second").isTrue();
  }

  @Test
  void whileBehindAChangesUnitsWaitForThePunctuationAndAreRecomputedOnce() {
    freshRecordAt(LATER - 100);
    schedule.recordArrived(LATER, LATER - 30_000);
    assertThat(schedule.changed(Optional.of(List.of(GATEWAY, SERVICE)), 1)).isEmpty();
    schedule.recordArrived(LATER + 10, LATER - 29_000);
    assertThat(schedule.changed(Optional.of(List.of(GATEWAY)), 2)).isEmpty();

    assertThat(next(LATER + 500).units()).as("behind: the records go first").isEmpty();
    RecomputeSchedule.Batch batch = next(LATER + 1_010);
    assertThat(batch.units()).containsExactly(GATEWAY, SERVICE);
    assertThat(batch.timestamp()).isEqualTo(2);
    assertThat(next(LATER + 2_000).units()).isEmpty();

    freshRecordAt(LATER + 3_000);
    assertThat(schedule.changed(Optional.of(List.of(SERVICE)), 3))
        .as("caught up: right away again")
        .containsExactly(SERVICE);
  }

  @Test
  void aFreshRecordAfterABacklogMakesAShortGapQuietAgain() {
    freshRecordAt(LATER - 100);
    schedule.changed(Optional.empty(), 1);
    schedule.recordArrived(LATER, LATER - 5_000);
    assertThat(next(LATER + 60).units()).as("behind").isEmpty();
    schedule.recordArrived(LATER + 100, LATER + 90);

    assertThat(next(LATER + 150).startsFullRecompute()).isTrue();
  }

  @Test
  void recordsThatAllLookLateByTheSameSkewDoNotCountAsABacklog() {
    schedule.recordArrived(LATER, LATER - 30_000);
    schedule.changed(Optional.empty(), 1);
    schedule.recordArrived(LATER + 10, LATER - 29_985);

    assertThat(next(LATER + 60).startsFullRecompute())
        .as("their producer's clock is 30 s behind this instance's: quiet after 50 ms")
        .isTrue();
  }

  @Test
  void aBatchThatTakesLongerThanASecondStillLeavesTheRecordsASecondOfTheirOwn() {
    schedule.changed(Optional.empty(), 1);
    assertThat(next(LATER).units()).hasSize(2);

    // the batch took 3 s: the first record after it is processed then
    freshRecordAt(LATER + 3_000);
    assertThat(next(LATER + 3_010).units()).as("overdue only if counted from its start").isEmpty();
    freshRecordAt(LATER + 3_990);
    assertThat(next(LATER + 3_995).units()).isEmpty();
    freshRecordAt(LATER + 4_000);
    assertThat(next(LATER + 4_005).units()).as("a second of records since").hasSize(1);
  }

  @Test
  void afterARestartAFullRecomputeRunsStampedWithTheTimeItStarts() {
    schedule.restarted();

    RecomputeSchedule.Batch batch = next(1_234);

    assertThat(batch.startsFullRecompute()).isTrue();
    assertThat(batch.timestamp()).isEqualTo(1_234);
  }

  @Test
  void thePunctuationFiresOnlyWhileSomethingIsDueAndAsOftenAsThatNeeds() {
    assertThat(schedule.punctuationInterval()).as("nothing changed").isEmpty();

    schedule.changed(Optional.of(List.of(SERVICE)), 1);
    assertThat(schedule.punctuationInterval()).as("recomputed right away").isEmpty();

    schedule.changed(Optional.of(List.of(SERVICE, STATUS)), 2);
    assertThat(schedule.punctuationInterval())
        .as("statuses due, which wait for their interval anyway")
        .contains(RecomputeSchedule.STATUSES_CHECK);
    next(LATER);
    assertThat(schedule.punctuationInterval()).as("statuses recomputed").isEmpty();

    schedule.changed(Optional.empty(), 3);
    assertThat(schedule.punctuationInterval())
        .as("a full recompute due")
        .contains(RecomputeSchedule.INTERVAL);
    next(2 * LATER);
    assertThat(schedule.punctuationInterval())
        .as("a full recompute running")
        .contains(RecomputeSchedule.INTERVAL);
    next(3 * LATER);
    assertThat(schedule.punctuationInterval()).as("its last batch handed out").isEmpty();
  }

  private RecomputeSchedule.Batch next(long now) {
    return schedule.next(now, this::everyUnit);
  }

  private Collection<UnitId> everyUnit() {
    everyUnitAsked.incrementAndGet();
    return EVERY_UNIT;
  }

  /** A record read as soon as it was written. */
  private void freshRecordAt(long at) {
    schedule.recordArrived(at, at);
  }
}
