package dev.meshfed.distribution.model;

import static dev.meshfed.distribution.model.TestManifests.V1;
import static dev.meshfed.distribution.model.TestManifests.V1BETA1;
import static dev.meshfed.distribution.model.TestManifests.at;
import static dev.meshfed.distribution.model.TestManifests.serviceEntry;
import static dev.meshfed.distribution.model.TestManifests.serviceEntryKey;
import static dev.meshfed.distribution.model.TestManifests.tombstone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DesiredStateTest {

  private static final ObjectIdentity FOO = serviceEntryKey(V1, "foo").identity();

  private final DesiredState state = new DesiredState(new ManifestParser(KindTable.ISTIO));

  @Test
  void aRecordMakesItsObjectDesired() {
    RecordOutcome outcome = state.record(serviceEntry(V1, "foo", "a.global"));

    assertThat(outcome).isEqualTo(new RecordOutcome.Changed(serviceEntryKey(V1, "foo")));
    assertThat(hostOf(state.desired(FOO))).isEqualTo("a.global");
    assertThat(state.desiredIdentities()).containsExactly(FOO);
  }

  @Test
  void theLatestRecordOfAKeyWins() {
    state.record(serviceEntry(V1, "foo", "a.global"));
    state.record(serviceEntry(V1, "foo", "b.global"));

    assertThat(hostOf(state.desired(FOO))).isEqualTo("b.global");
    assertThat(state.desiredCount()).isEqualTo(1);
  }

  @Test
  void aTombstoneMakesItsObjectUndesired() {
    state.record(serviceEntry(V1, "foo", "a.global"));
    RecordOutcome outcome = state.record(tombstone(V1, "foo"));

    assertThat(outcome).isEqualTo(new RecordOutcome.Changed(serviceEntryKey(V1, "foo")));
    assertThat(state.desired(FOO)).isEmpty();
    assertThat(state.desiredCount()).isZero();
  }

  @Test
  void aTombstoneOfTheOldVersionAfterTheNewRecordKeepsTheObject() {
    state.record(serviceEntry(V1BETA1, "foo", "a.global"));
    state.record(serviceEntry(V1, "foo", "b.global"));
    state.record(tombstone(V1BETA1, "foo"));

    assertThat(state.desired(FOO).map(DesiredManifest::key)).contains(serviceEntryKey(V1, "foo"));
    assertThat(hostOf(state.desired(FOO))).isEqualTo("b.global");
  }

  @Test
  void aTombstoneOfTheOldVersionBeforeTheNewRecordEndsDesired() {
    state.record(serviceEntry(V1BETA1, "foo", "a.global"));
    state.record(tombstone(V1BETA1, "foo"));
    state.record(serviceEntry(V1, "foo", "b.global"));

    assertThat(state.desired(FOO).map(DesiredManifest::key)).contains(serviceEntryKey(V1, "foo"));
  }

  @Test
  void amongVersionsTheRecordReadLastWins() {
    state.record(serviceEntry(V1, "foo", "a.global"));
    state.record(serviceEntry(V1BETA1, "foo", "b.global"));

    assertThat(state.desired(FOO).map(DesiredManifest::key))
        .contains(serviceEntryKey(V1BETA1, "foo"));
    assertThat(state.desiredCount()).isEqualTo(1);
  }

  @Test
  void tombstoningTheLatestVersionFallsBackToTheOtherStillDesired() {
    state.record(serviceEntry(V1, "foo", "a.global"));
    state.record(serviceEntry(V1BETA1, "foo", "b.global"));
    state.record(tombstone(V1BETA1, "foo"));

    assertThat(hostOf(state.desired(FOO))).isEqualTo("a.global");
  }

  @Test
  void anInvalidRecordIsRejectedAndKeepsWhatWasDesiredBefore() {
    state.record(serviceEntry(V1, "foo", "a.global"));
    RecordOutcome outcome =
        state.record(new DesiredRecord(serviceEntryKey(V1, "foo"), "{broken", at(7)));

    assertThat(outcome)
        .isInstanceOfSatisfying(
            RecordOutcome.Rejected.class,
            rejected -> {
              assertThat(rejected.origin()).isEqualTo("t-0@7");
              assertThat(rejected.subject()).contains("ServiceEntry apps/foo");
              assertThat(rejected.reason()).contains("not a JSON object");
            });
    assertThat(hostOf(state.desired(FOO))).isEqualTo("a.global");
    assertThat(state.failedRecords()).isEqualTo(1);
  }

  @Test
  void recordsOfUnknownKindsAndUndecodableRecordsAreFailed() {
    ObjectKey deployment = new ObjectKey("apps/v1", "Deployment", "apps", "web");

    state.record(new DesiredRecord(deployment, "{}", at(1)));
    state.record(DesiredRecord.tombstone(deployment, at(2)));
    RecordOutcome undecodable = state.record(new UndecodableRecord(at(3), "bad bytes"));

    assertThat(undecodable)
        .isEqualTo(new RecordOutcome.Rejected("t-0@3", "an undecodable record", "bad bytes"));
    assertThat(state.failedRecords()).isEqualTo(3);
    assertThat(state.desiredCount()).isZero();
  }

  @Test
  void knowsTheOffsetOfTheLastRecordReadUsableOrNot() {
    assertThat(state.lastOffset()).isEmpty();

    state.record(new DesiredRecord(serviceEntryKey(V1, "foo"), "{}", at(4)));
    state.record(new UndecodableRecord(at(6), "bad bytes"));

    assertThat(state.lastOffset()).hasValue(6);
  }

  @Test
  void theActionForADesiredObjectAppliesItsLatestManifest() {
    state.record(serviceEntry(V1BETA1, "foo", "a.global"));
    state.record(serviceEntry(V1, "foo", "b.global"));

    Action action = state.actionFor(serviceEntryKey(V1BETA1, "foo"));

    assertThat(action)
        .isInstanceOfSatisfying(
            Action.Apply.class,
            apply -> assertThat(apply.manifest().type().apiVersion()).isEqualTo(V1));
  }

  @Test
  void theActionForAnUndesiredObjectDeletesItThroughTheTargetsVersion() {
    state.record(serviceEntry(V1, "foo", "a.global"));
    state.record(tombstone(V1, "foo"));

    Action action = state.actionFor(serviceEntryKey(V1BETA1, "foo"));

    assertThat(action)
        .isInstanceOfSatisfying(
            Action.Delete.class,
            delete -> {
              assertThat(delete.key()).isEqualTo(serviceEntryKey(V1BETA1, "foo"));
              assertThat(delete.type().apiVersion()).isEqualTo(V1BETA1);
            });
  }

  @Test
  void anObjectOfAnUnknownKindCannotBeActedOn() {
    ObjectKey deployment = new ObjectKey("apps/v1", "Deployment", "apps", "web");

    assertThatThrownBy(() -> state.actionFor(deployment))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Deployment");
  }

  @SuppressWarnings("unchecked")
  private static String hostOf(Optional<DesiredManifest> manifest) {
    Map<String, Object> spec =
        (Map<String, Object>) manifest.orElseThrow().object().getAdditionalProperties().get("spec");
    return ((List<String>) spec.get("hosts")).get(0);
  }
}
