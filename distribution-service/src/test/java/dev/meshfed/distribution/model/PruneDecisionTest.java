package dev.meshfed.distribution.model;

import static dev.meshfed.distribution.model.TestManifests.TEST_POSITION;
import static dev.meshfed.distribution.model.TestManifests.V1;
import static dev.meshfed.distribution.model.TestManifests.V1BETA1;
import static dev.meshfed.distribution.model.TestManifests.serviceEntry;
import static dev.meshfed.distribution.model.TestManifests.serviceEntryKey;
import static dev.meshfed.distribution.model.TestManifests.tombstone;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PruneDecisionTest {

  private final DesiredState state = new DesiredState(new ManifestParser(KindTable.ISTIO));

  @Test
  void prunesManagedObjectsNothingDesires() {
    state.record(serviceEntry(V1, "kept", "kept.global"));
    state.record(serviceEntry(V1, "gone", "gone.global"));
    state.record(tombstone(V1, "gone"));

    List<ObjectKey> pruned =
        PruneDecision.toPrune(
            List.of(
                serviceEntryKey(V1, "kept"),
                serviceEntryKey(V1, "gone"),
                serviceEntryKey(V1, "stray")),
            state);

    assertThat(pruned).containsExactly(serviceEntryKey(V1, "gone"), serviceEntryKey(V1, "stray"));
  }

  @Test
  void keepsAnObjectDesiredInAnotherVersion() {
    state.record(serviceEntry(V1, "foo", "foo.global"));

    assertThat(PruneDecision.toPrune(List.of(serviceEntryKey(V1BETA1, "foo")), state)).isEmpty();
  }

  @Test
  void keepsAnObjectWhoseLatestRecordWasRejected() {
    state.record(new DesiredRecord(serviceEntryKey(V1, "foo"), "{broken", TEST_POSITION));

    assertThat(PruneDecision.toPrune(List.of(serviceEntryKey(V1, "foo")), state)).isEmpty();
  }

  @Test
  void prunesOnceAUsableRecordFollowsTheRejectedOne() {
    state.record(new DesiredRecord(serviceEntryKey(V1, "foo"), "{broken", TEST_POSITION));
    state.record(tombstone(V1, "foo"));

    assertThat(PruneDecision.toPrune(List.of(serviceEntryKey(V1, "foo")), state))
        .containsExactly(serviceEntryKey(V1, "foo"));
  }
}
