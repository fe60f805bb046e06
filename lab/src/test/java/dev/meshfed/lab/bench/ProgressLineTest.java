package dev.meshfed.lab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressLineTest {

  @Test
  void showsTheFirstThreePendingItemsAndCountsTheRest() {
    assertThat(ProgressLine.line(Duration.ofSeconds(12), List.of("a", "b", "c", "d", "e")))
        .isEqualTo(" 12 s: a; b; c (+2 more)");
  }

  @Test
  void nothingPendingMeansTheTopicsAreSettling() {
    assertThat(ProgressLine.line(Duration.ofSeconds(3), List.of())).isEqualTo("  3 s: settling");
  }
}
