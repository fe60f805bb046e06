package dev.meshfed.cli.status;

import static dev.meshfed.cli.status.StatusFixtures.NOW;
import static dev.meshfed.cli.status.StatusFixtures.accepted;
import static dev.meshfed.cli.status.StatusFixtures.rejected;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.schema.ObjectRef;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemTest {

  private static final ObjectRef SETTINGS =
      new ObjectRef("cluster1", "WorkspaceSettings", "bookinfo", "bookinfo");
  private static final Instant T1 = NOW.minusSeconds(300);
  private static final Instant T2 = NOW.minusSeconds(200);
  private static final Instant T3 = NOW.minusSeconds(100);

  @Test
  void aRejectionWithoutALaterAcceptanceIsOpenSinceItWasFirstRaised() {
    List<Problem> open =
        Problem.open(
            List.of(rejected(SETTINGS, "bad suffix", T1), rejected(SETTINGS, "bad suffix", T2)));

    assertThat(open)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.describeInput())
                  .isEqualTo("cluster1/WorkspaceSettings/bookinfo/bookinfo");
              assertThat(p.severity()).isEqualTo("INVALID");
              assertThat(p.reason()).isEqualTo("bad suffix");
              assertThat(p.since()).isEqualTo(T1);
            });
  }

  @Test
  void anAcceptanceClosesOnlyTheProblemItNames() {
    List<Problem> open =
        Problem.open(
            List.of(
                rejected(SETTINGS, "bad suffix", T1),
                rejected(SETTINGS, "empty selector", T1),
                accepted(SETTINGS, "bad suffix", T2)));

    assertThat(open).extracting(Problem::reason).containsExactly("empty selector");
  }

  @Test
  void aProblemRaisedAgainAfterItsAcceptanceIsOpenFromTheNewRejection() {
    List<Problem> open =
        Problem.open(
            List.of(
                rejected(SETTINGS, "bad suffix", T1),
                accepted(SETTINGS, "bad suffix", T2),
                rejected(SETTINGS, "bad suffix", T3)));

    assertThat(open).extracting(Problem::since).containsExactly(T3);
  }

  @Test
  void laterMeansLaterOnTheTopicNotALaterTimestamp() {
    // event times are the inputs' times, so an acceptance can carry an older one
    List<Problem> open =
        Problem.open(
            List.of(rejected(SETTINGS, "bad suffix", T2), accepted(SETTINGS, "bad suffix", T1)));

    assertThat(open).isEmpty();
  }
}
