package dev.meshfed.distribution.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ConvergenceWatchTest {

  private static final OptionalLong OFFSET = OptionalLong.of(7);

  private final ConvergenceWatch watch = new ConvergenceWatch();

  @Test
  void reportsTheFirstCatchUpEvenWithNothingWritten() {
    assertThat(watch.observe(status(0, 0, 0, false), OFFSET)).isEmpty();

    assertThat(watch.observe(status(0, 0, 0, true), OFFSET))
        .contains(new Convergence(2, 0, 0, 0, 1, OFFSET, 0));
    assertThat(watch.observe(status(0, 0, 0, true), OFFSET)).isEmpty();
  }

  @Test
  void reportsAgainOnlyOnceIdleAfterAWrite() {
    watch.observe(status(2, 0, 0, true), OFFSET);

    assertThat(watch.observe(status(2, 0, 1, true), OFFSET)).isEmpty();
    assertThat(watch.observe(status(3, 0, 0, true), OptionalLong.of(9)))
        .contains(new Convergence(2, 3, 0, 0, 1, OptionalLong.of(9), 0));
  }

  @Test
  void neverReportsWhileAnythingIsPending() {
    assertThat(watch.observe(status(1, 0, 1, true), OFFSET)).isEmpty();
    assertThat(watch.observe(status(1, 0, 0, true), OFFSET)).isPresent();
  }

  private static DistributionStatus status(
      long applied, long pruned, int pending, boolean caughtUp) {
    return new DistributionStatus(2, applied, 0, pruned, pending, pending, 0, 1, 0, 0, caughtUp);
  }
}
