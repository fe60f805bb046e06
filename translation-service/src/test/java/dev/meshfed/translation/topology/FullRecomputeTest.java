package dev.meshfed.translation.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.translation.translate.UnitId;
import java.util.List;
import org.junit.jupiter.api.Test;

class FullRecomputeTest {

  private static final List<UnitId> UNITS =
      List.of(UnitId.MEMBERSHIP, UnitId.gateway("a"), UnitId.gateway("b"));

  private final FullRecompute full = new FullRecompute();

  @Test
  void nothingRunsUntilAChangeMakesOneDue() {
    assertThat(full.startIfDue(() -> UNITS, 1_000)).isFalse();
    assertThat(full.nextBatch(10)).isEmpty();
  }

  @Test
  void aDueOneQueuesEveryUnitAndHandsThemOutInBatches() {
    full.markDue(5);
    full.markDue(7);

    assertThat(full.startIfDue(() -> UNITS, 1_000)).isTrue();
    assertThat(full.isDue()).isFalse();
    assertThat(full.timestamp()).as("the latest change that made it due").isEqualTo(7);
    assertThat(full.nextBatch(2)).containsExactly(UNITS.get(0), UNITS.get(1));
    assertThat(full.isRunning()).isTrue();
    assertThat(full.finishIfDone(1_100)).as("a batch is still queued").isEmpty();
    assertThat(full.nextBatch(2)).containsExactly(UNITS.get(2));
    assertThat(full.isRunning()).as("until its end is taken").isTrue();
    assertThat(full.finishIfDone(1_500)).contains(new FullRecompute.Finished(3, 500));
    assertThat(full.isRunning()).isFalse();
    assertThat(full.finishIfDone(1_600)).as("ended once").isEmpty();
  }

  @Test
  void aRecomputeOfNoUnitsStartsAndFinishesAtOnce() {
    full.markDue(5);

    assertThat(full.startIfDue(List::of, 1_000)).isTrue();
    assertThat(full.nextBatch(10)).isEmpty();
    assertThat(full.finishIfDone(1_000)).contains(new FullRecompute.Finished(0, 0));
  }

  @Test
  void aChangeDuringARunRestartsItWithTheUnitsNotHandedOutYetFirst() {
    full.markDue(5);
    full.startIfDue(() -> UNITS, 1_000);
    assertThat(full.nextBatch(1)).containsExactly(UNITS.get(0));

    full.markDue(9);
    assertThat(full.startIfDue(() -> UNITS, 2_000)).isTrue();

    assertThat(full.isDue()).isFalse();
    assertThat(full.timestamp()).isEqualTo(9);
    assertThat(full.units()).isEqualTo(3);
    assertThat(full.nextBatch(5)).containsExactly(UNITS.get(1), UNITS.get(2), UNITS.get(0));
    assertThat(full.finishIfDone(2_600)).contains(new FullRecompute.Finished(3, 600));
  }

  @Test
  void aUnitNewToTheRestartedOneComesBeforeThoseAlreadyHandedOut() {
    UnitId added = UnitId.gateway("c");
    full.markDue(5);
    full.startIfDue(() -> UNITS, 1_000);
    full.nextBatch(2);

    full.markDue(9);
    full.startIfDue(() -> List.of(UNITS.get(0), UNITS.get(1), UNITS.get(2), added), 2_000);

    assertThat(full.nextBatch(5)).containsExactly(UNITS.get(2), added, UNITS.get(0), UNITS.get(1));
  }

  @Test
  void aRunThatFinishedLeavesNothingToQueueLastInTheNextOne() {
    full.markDue(5);
    full.startIfDue(() -> UNITS, 1_000);
    full.nextBatch(5);
    full.finishIfDone(1_100);

    full.markDue(9);
    List<UnitId> reordered = List.of(UNITS.get(2), UNITS.get(1), UNITS.get(0));
    full.startIfDue(() -> reordered, 2_000);

    assertThat(full.nextBatch(5)).containsExactlyElementsOf(reordered);
  }

  @Test
  void aChangedUnitNotHandedOutYetIsTakenOverForTheNextBatch() {
    full.markDue(5);
    full.startIfDue(() -> UNITS, 1_000);

    assertThat(full.takeOver(UNITS.get(2), 8)).isTrue();
    assertThat(full.takeOver(UNITS.get(2), 9)).as("once queued first, still taken").isTrue();

    assertThat(full.timestamp()).as("records carry the change's time").isEqualTo(9);
    assertThat(full.nextBatch(2)).containsExactly(UNITS.get(2), UNITS.get(0));
    assertThat(full.takeOver(UNITS.get(0), 10))
        .as("handed out: the change recomputes it")
        .isFalse();
    assertThat(full.nextBatch(5)).containsExactly(UNITS.get(1));
    assertThat(full.finishIfDone(1_100)).isPresent();
  }

  @Test
  void noChangeIsTakenOverWhileNoneRuns() {
    assertThat(full.takeOver(UNITS.get(0), 5)).isFalse();

    full.markDue(5);
    assertThat(full.takeOver(UNITS.get(0), 5)).as("due, not started").isFalse();
  }

  @Test
  void aRestartKeepsTheTakenOverUnitsFirst() {
    full.markDue(5);
    full.startIfDue(() -> UNITS, 1_000);
    full.nextBatch(1);
    full.takeOver(UNITS.get(2), 8);

    full.markDue(9);
    full.startIfDue(() -> UNITS, 2_000);

    assertThat(full.units()).isEqualTo(3);
    assertThat(full.nextBatch(5)).containsExactly(UNITS.get(2), UNITS.get(1), UNITS.get(0));
  }

  @Test
  void afterARestartTheRecordsCarryTheTimeItStarted() {
    full.markDue(0);

    full.startIfDue(() -> UNITS, 1_234);

    assertThat(full.timestamp()).isEqualTo(1_234);
  }
}
