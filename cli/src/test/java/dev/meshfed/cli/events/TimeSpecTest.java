package dev.meshfed.cli.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeSpecTest {

  private static final Instant NOW = Instant.parse("2026-11-22T14:00:00Z");

  @Test
  void readsDurationsAgo() {
    assertThat(TimeSpec.parse("90s", NOW)).isEqualTo(Instant.parse("2026-11-22T13:58:30Z"));
    assertThat(TimeSpec.parse("15m", NOW)).isEqualTo(Instant.parse("2026-11-22T13:45:00Z"));
    assertThat(TimeSpec.parse("2h", NOW)).isEqualTo(Instant.parse("2026-11-22T12:00:00Z"));
    assertThat(TimeSpec.parse("7d", NOW)).isEqualTo(Instant.parse("2026-11-15T14:00:00Z"));
  }

  @Test
  void readsRfc3339WithAnyOffset() {
    assertThat(TimeSpec.parse("2026-11-22T15:00:00+01:00", NOW)).isEqualTo(NOW);
  }

  @Test
  void explainsWhatItAccepts() {
    assertThatThrownBy(() -> TimeSpec.parse("yesterday", NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'yesterday'")
        .hasMessageContaining("15m");
  }
}
