package dev.meshfed.translation.topology;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecordAgesTest {

  private static final long WINDOW = RecordAges.WINDOW.toMillis();

  private final RecordAges ages = new RecordAges();

  @Test
  void recordsReadLaterAndLaterThanTheFirstAreLateByTheDifference() {
    assertThat(ages.lateness(1_000, 995)).as("the first sets the baseline").isZero();
    assertThat(ages.lateness(2_000, 1_500)).isEqualTo(495);
    assertThat(ages.lateness(30_000, 5_000)).isEqualTo(24_995);
  }

  @Test
  void aClockSkewThatShiftsEveryAgeAlikeIsNotLateness() {
    long skew = 30_000;
    assertThat(ages.lateness(100_000, 100_000 - skew - 5)).isZero();
    assertThat(ages.lateness(101_000, 101_000 - skew - 8)).isEqualTo(3);
    assertThat(ages.lateness(102_000, 102_000 - skew + 2))
        .as("a producer clock ahead gives negative ages; the least is the baseline still")
        .isZero();
  }

  @Test
  void theLeastAgeIsKeptForOneWindowMoreThenForgotten() {
    ages.lateness(0, -5);
    assertThat(ages.lateness(WINDOW + 1, WINDOW + 1 - 20_000))
        .as("a new window keeps the last one's least")
        .isEqualTo(19_995);
    assertThat(ages.lateness(2 * WINDOW + 2, 2 * WINDOW + 2 - 20_000))
        .as("two windows on, only the last one's least: the late record's own")
        .isZero();
    assertThat(ages.lateness(5 * WINDOW, 5 * WINDOW - 7))
        .as("after a long silence the baseline starts afresh")
        .isZero();
  }
}
