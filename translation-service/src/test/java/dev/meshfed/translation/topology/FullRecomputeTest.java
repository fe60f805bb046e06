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
  void aChangeDuringARunMakesTheNextOneDueWhichStartsOnlyOnceTheRunningOneIsDone() {
    full.markDue(5);
    full.startIfDue(() -> UNITS, 1_000);
    full.nextBatch(1);

    full.markDue(9);
    assertThat(full.startIfDue(() -> UNITS, 2_000)).isFalse();
    assertThat(full.nextBatch(5)).hasSize(2);
    assertThat(full.startIfDue(() -> UNITS, 2_500)).as("the last batch is out, not done").isFalse();
    assertThat(full.finishIfDone(2_600)).isPresent();

    assertThat(full.startIfDue(() -> UNITS, 3_000)).isTrue();
    assertThat(full.timestamp()).isEqualTo(9);
    assertThat(full.nextBatch(5)).hasSize(3);
  }

  @Test
  void afterARestartTheRecordsCarryTheTimeItStarted() {
    full.markDue(0);

    full.startIfDue(() -> UNITS, 1_234);

    assertThat(full.timestamp()).isEqualTo(1_234);
  }
}
