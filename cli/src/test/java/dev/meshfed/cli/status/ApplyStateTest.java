package dev.meshfed.cli.status;

import static dev.meshfed.cli.status.StatusFixtures.NOW;
import static dev.meshfed.cli.status.StatusFixtures.applyFailed;
import static dev.meshfed.cli.status.StatusFixtures.converged;
import static dev.meshfed.cli.status.StatusFixtures.desired;
import static dev.meshfed.cli.status.StatusFixtures.tombstone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.meshfed.cli.audit.DesiredEntry;
import dev.meshfed.cli.events.EventView;
import dev.meshfed.cli.status.ApplyState.Behind;
import dev.meshfed.cli.status.ApplyState.Converged;
import dev.meshfed.cli.status.ApplyState.Failing;
import dev.meshfed.cli.status.ApplyState.Failure;
import dev.meshfed.cli.status.ApplyState.Unknown;
import dev.meshfed.schema.events.ClusterConverged;
import dev.meshfed.schema.events.FederationEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApplyStateTest {

  private static final Instant T1 = NOW.minusSeconds(300);
  private static final Instant T2 = NOW.minusSeconds(200);
  private static final Instant T3 = NOW.minusSeconds(100);

  // offsets as a transactional writer leaves them: markers in between
  private static final List<DesiredEntry> DESIRED =
      List.of(desired("a.global", "w", 0), desired("b.global", "w", 2), tombstone("a.global", 4));

  @Test
  void unknownWhenNothingWasReported() {
    assertThat(ApplyState.of(List.of(), DESIRED)).isEqualTo(new Unknown());
  }

  @Test
  void convergedWhenTheReportReflectsTheDesiredTopicsLastRecord() {
    assertThat(ApplyState.of(List.of(converged("c1", T1, 4L)), DESIRED))
        .isEqualTo(new Converged(T1, 0));
  }

  @Test
  void aConvergenceThatWithheldAPruneSaysHowManyObjectsItKept() {
    EventView withheld =
        new EventView(
            T1.toEpochMilli(),
            "c1",
            new FederationEvent("converged", new ClusterConverged(3, 3L, 0L, 0L, 4L, 2)));

    assertThat(ApplyState.of(List.of(withheld), DESIRED)).isEqualTo(new Converged(T1, 2));
    assertThat(
            StatusFormat.TABLE.format(
                MeshStatus.of(
                    new StatusInputs(
                        List.of(
                            new ClusterRecords(
                                "c1",
                                List.of(),
                                DESIRED,
                                List.of(withheld),
                                new TranslationProgress(0, 0, null))),
                        List.of(),
                        true),
                    "mgmt",
                    T1)))
        .contains("converged 0s ago, 2 not pruned");
  }

  @Test
  void behindByTheDesiredRecordsPublishedAfterTheReportedOffset() {
    assertThat(ApplyState.of(List.of(converged("c1", T1, 0L)), DESIRED))
        .isEqualTo(new Behind(2, T1));
  }

  @Test
  void convergedWhenTheReportNamesNoOffset() {
    assertThat(ApplyState.of(List.of(converged("c1", T1, null)), DESIRED))
        .isEqualTo(new Converged(T1, 0));
  }

  @Test
  void failingWithTheLatestFailureOfEachObjectSinceTheLastConvergence() {
    ApplyState state =
        ApplyState.of(
            List.of(
                applyFailed("c1", "old", "gone since", T1),
                converged("c1", T1, 4L),
                applyFailed("c1", "x", "forbidden", T2),
                applyFailed("c1", "y", "conflict", T2),
                applyFailed("c1", "x", "webhook denied", T3)),
            DESIRED);

    assertThat(state).isInstanceOf(Failing.class);
    List<Failure> failures = ((Failing) state).objects();
    assertThat(failures)
        .extracting(Failure::describe, Failure::error, Failure::at)
        .containsExactly(
            tuple("ServiceEntry/istio-system/x", "webhook denied", T3),
            tuple("ServiceEntry/istio-system/y", "conflict", T2));
  }

  @Test
  void aLaterConvergenceClearsEarlierFailures() {
    assertThat(
            ApplyState.of(
                List.of(applyFailed("c1", "x", "forbidden", T1), converged("c1", T2, 4L)), DESIRED))
        .isEqualTo(new Converged(T2, 0));
  }
}
