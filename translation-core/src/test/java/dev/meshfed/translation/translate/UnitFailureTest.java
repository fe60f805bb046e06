package dev.meshfed.translation.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.translate.StatusOutput.State;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UnitFailureTest {

  private static final ObjectId REVIEWS =
      new ObjectId("cluster1", "VirtualDestination", "bookinfo", "reviews");
  private static final UnitId UNIT = UnitId.virtualDestination(REVIEWS);
  private static final String ERROR = "java.lang.IllegalStateException: boom at X.y(X.java:1)";

  @Test
  void keepsEveryObjectAndMarksOnlyTheInputsStatusFailed() throws IOException {
    UnitSummary before = UnitSummary.of(virtualDestinationCase());
    assertThat(before.objects()).isNotEmpty();
    StatusOutput accepted = statusOf(before, REVIEWS).orElseThrow();

    UnitSummary kept = UnitFailure.kept(UNIT, before, ERROR);

    assertThat(kept.objects()).isEqualTo(before.objects());
    assertThat(kept.diagnostics()).isEqualTo(before.diagnostics());
    StatusOutput failed = statusOf(kept, REVIEWS).orElseThrow();
    assertThat(failed.state()).isEqualTo(State.FAILED);
    assertThat(failed.message()).contains("a bug in meshfed", ERROR);
    assertThat(failed.status().get("state").asText()).isEqualTo("FAILED");
    assertThat(failed.status().get("message").asText()).isEqualTo(failed.message());
    assertThat(failed.observedGeneration()).isEqualTo(accepted.observedGeneration());
    assertThat(failed.apiVersion()).isEqualTo(accepted.apiVersion());
    assertThat(accepted.status().get("state").asText())
        .as("the last summary is not changed in place")
        .isNotEqualTo("FAILED");
    assertThat(kept.statuses())
        .filteredOn(s -> !s.input().equals(REVIEWS))
        .isEqualTo(before.statuses().stream().filter(s -> !s.input().equals(REVIEWS)).toList());
  }

  @Test
  void aUnitThatFailsBeforeItEverWroteGetsAFailedStatusAndNoObjects() {
    UnitSummary kept = UnitFailure.kept(UNIT, UnitSummary.EMPTY, ERROR);

    assertThat(kept.objects()).isEmpty();
    assertThat(kept.statuses())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.input()).isEqualTo(REVIEWS);
              assertThat(s.state()).isEqualTo(State.FAILED);
              assertThat(s.apiVersion()).isEqualTo("meshfed.dev/v1alpha1");
            });
  }

  @Test
  void unitsWithoutAStatusOfTheirOwnKeepTheirSummaryAsItWas() throws IOException {
    UnitSummary before = UnitSummary.of(virtualDestinationCase());
    UnitId service = UnitId.service(new ObjectId("cluster1", "Service", "bookinfo", "reviews"));

    assertThat(UnitFailure.kept(service, UnitSummary.EMPTY, ERROR)).isEqualTo(UnitSummary.EMPTY);
    assertThat(UnitFailure.kept(UnitId.gateway("cluster1"), before, ERROR)).isEqualTo(before);
    assertThat(UnitFailure.inputOf(UnitId.gateway("cluster1"))).isEmpty();
    assertThat(UnitFailure.inputOf(service)).isPresent();
  }

  /** Its entries' unit writes the VirtualDestination's status: a FAILED there would outlive it. */
  @Test
  void theWorkloadEntriesUnitNamesItsVirtualDestinationButLeavesItsStatusAlone() {
    UnitId endpoints = UnitId.virtualDestinationEndpoints(REVIEWS);
    UnitSummary written = new UnitSummary(List.of(), List.of(), List.of());

    assertThat(UnitFailure.kept(endpoints, written, ERROR)).isEqualTo(written);
    assertThat(UnitFailure.inputOf(endpoints)).contains(REVIEWS);
  }

  private static UnitResult virtualDestinationCase() throws IOException {
    GoldenCase golden =
        GoldenCase.load(GoldenCase.CASES.resolve("virtual-destination").resolve("input.yaml"));
    MeshInputs mesh = golden.mesh();
    Membership membership = FederationTranslator.membership(mesh, golden.settings());
    return FederationTranslator.translate(UNIT, mesh, membership);
  }

  private static Optional<StatusOutput> statusOf(UnitSummary summary, ObjectId input) {
    List<StatusOutput> statuses = summary.statuses();
    return statuses.stream().filter(s -> s.input().equals(input)).findFirst();
  }
}
