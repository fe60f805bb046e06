package dev.meshfed.distribution.apply;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AppliedTallyTest {

  private static final long SECOND = 1_000_000_000L;

  private final AppliedTally tally = new AppliedTally();

  @Test
  void saysHowManyWereAppliedOnceTheReconcilerFallsIdle() {
    tally.applied(0);
    tally.applied(SECOND);

    assertThat(tally.summary(false, SECOND)).isEmpty();
    assertThat(tally.summary(true, 2 * SECOND)).contains("Applied 2 objects in 2.0 s");
    assertThat(tally.summary(true, 3 * SECOND)).isEmpty();
    assertThat(tally.idleLineDueIn(3 * SECOND)).isEmpty();
  }

  @Test
  void whileItStaysBusySaysItEveryTenSeconds() {
    tally.applied(0);
    tally.applied(9 * SECOND);
    assertThat(tally.summary(false, 9 * SECOND)).isEmpty();

    tally.applied(10 * SECOND);
    assertThat(tally.summary(false, 10 * SECOND))
        .contains("Applied 3 objects in 10.0 s, more to apply");

    tally.applied(21 * SECOND);
    assertThat(tally.summary(true, 21 * SECOND)).contains("Applied 1 object in 0.0 s");
  }

  @Test
  void objectsThatTrickleInMakeOneLineInTenSecondsNotOneEach() {
    tally.applied(0);
    assertThat(tally.summary(true, 0)).contains("Applied 1 object in 0.0 s");

    for (int second = 1; second <= 4; second++) {
      tally.applied(second * SECOND);
      assertThat(tally.summary(true, second * SECOND)).isEmpty();
    }
    assertThat(tally.idleLineDueIn(4 * SECOND)).contains(Duration.ofSeconds(6));
    assertThat(tally.summary(true, 10 * SECOND)).contains("Applied 4 objects in 9.0 s");
    assertThat(tally.idleLineDueIn(10 * SECOND)).isEmpty();
  }

  @Test
  void saysNothingWhenNothingWasApplied() {
    assertThat(tally.summary(true, 100 * SECOND)).isEmpty();
    assertThat(tally.idleLineDueIn(100 * SECOND)).isEmpty();
  }
}
