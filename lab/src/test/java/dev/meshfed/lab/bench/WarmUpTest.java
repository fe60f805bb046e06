package dev.meshfed.lab.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WarmUpTest {

  private final WarmUp warmUp = new WarmUp(1000, 1250, 0.25);

  @Test
  void stopsOnceTheCompilersAreQuiet() {
    assertThat(warmUp.nextRound(1000, 0.24)).isZero();
  }

  @Test
  void goesOnInRoundsWhileTheyAreBusy() {
    assertThat(warmUp.nextRound(1000, 0.25)).isEqualTo(WarmUp.ROUND);
    assertThat(warmUp.nextRound(1100, 0.9)).isEqualTo(WarmUp.ROUND);
  }

  @Test
  void neverPassesTheMaximum() {
    assertThat(warmUp.nextRound(1200, 0.9)).isEqualTo(50);
    assertThat(warmUp.nextRound(1250, 0.9)).isZero();
  }

  @Test
  void refusesAMaximumBelowTheMinimum() {
    assertThatThrownBy(() -> new WarmUp(100, 99, 0.25))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("100 and 99");
  }
}
