package dev.meshfed.cli.status;

import static dev.meshfed.cli.status.StatusFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AgeTest {

  @Test
  void usesTheLargestWholeUnit() {
    assertThat(Age.since(NOW.minusSeconds(12), NOW)).isEqualTo("12s");
    assertThat(Age.since(NOW.minusSeconds(59), NOW)).isEqualTo("59s");
    assertThat(Age.since(NOW.minusSeconds(60), NOW)).isEqualTo("1m");
    assertThat(Age.since(NOW.minus(Duration.ofMinutes(3).plusSeconds(40)), NOW)).isEqualTo("3m");
    assertThat(Age.since(NOW.minus(Duration.ofMinutes(150)), NOW)).isEqualTo("2h");
    assertThat(Age.since(NOW.minus(Duration.ofDays(5).plusHours(23)), NOW)).isEqualTo("5d");
  }

  @Test
  void aTimeAheadOfTheClockIsNow() {
    assertThat(Age.since(NOW.plusSeconds(5), NOW)).isEqualTo("0s");
  }
}
