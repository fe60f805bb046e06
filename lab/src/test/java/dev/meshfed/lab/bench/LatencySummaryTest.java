package dev.meshfed.lab.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencySummaryTest {

  @Test
  void percentilesAreInMillisecondsFromMicroseconds() {
    Histogram micros = LatencySummary.newHistogram();
    for (int ms = 1; ms <= 100; ms++) {
      micros.recordValue(ms * 1_000L);
    }

    LatencySummary summary = LatencySummary.ofMicros(micros);

    assertThat(summary.count()).isEqualTo(100);
    assertThat(summary.p50()).isCloseTo(50, within(0.1));
    assertThat(summary.p90()).isCloseTo(90, within(0.1));
    assertThat(summary.p99()).isCloseTo(99, within(0.1));
    assertThat(summary.max()).isCloseTo(100, within(0.1));
  }
}
