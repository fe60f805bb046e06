package dev.meshfed.cli.status;

import static dev.meshfed.cli.status.StatusFixtures.NOW;
import static dev.meshfed.cli.status.StatusFixtures.converged;
import static dev.meshfed.cli.status.StatusFixtures.driftRepaired;
import static dev.meshfed.cli.status.StatusFixtures.inTheWay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshfed.schema.events.DriftKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DriftReportTest {

  private static final Instant T1 = NOW.minus(Duration.ofMinutes(5));
  private static final Instant T2 = NOW.minus(Duration.ofMinutes(2));
  private static final Instant T3 = NOW.minusSeconds(20);

  private final MeshStatus status =
      MeshStatus.of(
          new StatusInputs(
              List.of(
                  new ClusterRecords(
                      "cluster2",
                      List.of(),
                      List.of(),
                      List.of(
                          driftRepaired("cluster2", "a", DriftKind.DELETED, List.of(), T1),
                          driftRepaired(
                              "cluster2", "b", DriftKind.EDITED, List.of("spec.hosts"), T1),
                          converged("cluster2", T1, null),
                          driftRepaired("cluster2", "a", DriftKind.DELETED, List.of(), T2),
                          inTheWay("cluster2", "c", T3)),
                      new TranslationProgress(0, 0, null))),
              List.of(),
              true),
          "mgmt",
          NOW);

  @Test
  void countsEveryRepairAndKeepsTheLatestOfEachObjectAndWhatIsNotRepaired() {
    DriftReport drift = status.clusters().get(0).drift();

    assertThat(drift.repaired()).isEqualTo(3);
    assertThat(drift.recent())
        .extracting(DriftReport.Repair::describe, DriftReport.Repair::at)
        .containsExactly(tuple("ServiceEntry/apps/a", T2), tuple("ServiceEntry/apps/b", T1));
    assertThat(drift.notRepaired())
        .singleElement()
        .satisfies(f -> assertThat(f.drift()).isEqualTo("UNMANAGED"));
  }

  @Test
  void theTableSaysWhatDriftedWhetherItWasRepairedAndWhen() {
    List<String> lines = StatusFormat.TABLE.format(status).lines().toList();

    assertThat(lines.get(1)).endsWith("3 repaired, 1 not repaired");
    assertThat(lines.subList(3, 7))
        .containsExactly(
            "CLUSTER    OBJECT                DRIFT       STATE                       AGE   DETAIL",
            "cluster2   ServiceEntry/apps/c   UNMANAGED   not repaired (4 attempts)   20s   ServiceEntry apps/c exists and is not managed by meshfed",
            "cluster2   ServiceEntry/apps/a   DELETED     repaired                    2m    -",
            "cluster2   ServiceEntry/apps/b   EDITED      repaired                    5m    spec.hosts by kubectl");
  }

  @Test
  void jsonCarriesTheRepairsAndWhatIsNotRepaired() throws Exception {
    JsonNode drift =
        new ObjectMapper()
            .readTree(StatusFormat.JSON.format(status))
            .get("clusters")
            .get(0)
            .get("drift");

    assertThat(drift.get("repaired").asInt()).isEqualTo(3);
    assertThat(drift.get("recent").get(1).get("fields").get(0).asText()).isEqualTo("spec.hosts");
    assertThat(drift.get("notRepaired").get(0).get("drift").asText()).isEqualTo("UNMANAGED");
  }
}
