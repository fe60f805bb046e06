package dev.meshfed.cli.status;

import static dev.meshfed.cli.status.StatusFixtures.NOW;
import static dev.meshfed.cli.status.StatusFixtures.agent;
import static dev.meshfed.cli.status.StatusFixtures.applyFailed;
import static dev.meshfed.cli.status.StatusFixtures.controlPlane;
import static dev.meshfed.cli.status.StatusFixtures.converged;
import static dev.meshfed.cli.status.StatusFixtures.desired;
import static dev.meshfed.cli.status.StatusFixtures.rejected;
import static dev.meshfed.cli.status.StatusFixtures.service;
import static dev.meshfed.cli.status.StatusFixtures.workspace;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshfed.schema.ObjectRef;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusFormatTest {

  private static final Instant T1 = NOW.minus(Duration.ofHours(2));
  private static final Instant T2 = NOW.minus(Duration.ofMinutes(3));
  private static final Instant T3 = NOW.minusSeconds(12);

  private final MeshStatus status =
      MeshStatus.of(
          new StatusInputs(
              List.of(
                  new ClusterRecords(
                      "cluster1",
                      List.of(
                          agent(T1), controlPlane("istiod", "1.11.7", T1), service("reviews", T3)),
                      List.of(desired("ratings.bookinfo.svc.cluster2.global", "bookinfo", 0)),
                      List.of(converged("cluster1", T2, 0L)),
                      new TranslationProgress(0, 3, 1L)),
                  new ClusterRecords(
                      "cluster2",
                      List.of(service("ratings", T1)),
                      List.of(),
                      List.of(applyFailed("cluster2", "x", "forbidden", T2)),
                      new TranslationProgress(0, 1, null)),
                  new ClusterRecords(
                      "mgmt",
                      List.of(workspace("bookinfo", T1, "cluster1/bookinfo", "cluster2/bookinfo")),
                      List.of(),
                      List.of(),
                      new TranslationProgress(0, 1, 1L))),
              List.of(
                  rejected(
                      new ObjectRef("cluster2", "Service", "bookinfo", "ratings"),
                      "port 53 is UDP",
                      T1)),
              true),
          "mgmt",
          NOW);

  @Test
  void tablesShowClustersWorkspacesAndProblemsWithAges() {
    List<String> lines = StatusFormat.TABLE.format(status).lines().toList();

    assertThat(lines)
        .containsExactly(
            "CLUSTER    JOINED   ISTIO    NAMESPACES   SERVICES   DESIRED   LAST SEEN   TRANSLATION LAG   APPLY",
            "cluster1   yes      1.11.7   0            1          1         12s         2                 converged 3m ago",
            "cluster2   no       -        0            1          0         3m          1                 failing: 1 object",
            "mgmt       no       -        0            0          0         2h          0                 unknown",
            "",
            "WORKSPACE   SELECTS                               HOSTS   OPEN PROBLEMS",
            "bookinfo    cluster1/bookinfo,cluster2/bookinfo   1       1",
            "",
            "INPUT                               SEVERITY   AGE   WORKSPACE   REASON",
            "cluster2/Service/bookinfo/ratings   INVALID    2h    bookinfo    port 53 is UDP");
  }

  @Test
  void jsonHasRfc3339TimesAndTheApplyDetails() throws Exception {
    JsonNode json = new ObjectMapper().readTree(StatusFormat.JSON.format(status));

    JsonNode cluster1 = json.get("clusters").get(0);
    assertThat(cluster1.get("lastSeen").asText()).isEqualTo(T3.toString());
    assertThat(cluster1.get("translationLag").asLong()).isEqualTo(2);
    assertThat(cluster1.get("apply").get("state").asText()).isEqualTo("converged");
    assertThat(cluster1.get("apply").get("time").asText()).isEqualTo(T2.toString());
    JsonNode failure = json.get("clusters").get(1).get("apply").get("failures").get(0);
    assertThat(failure.get("name").asText()).isEqualTo("x");
    assertThat(failure.get("error").asText()).isEqualTo("forbidden");
    assertThat(json.get("workspaces").get(0).get("hosts").get(0).asText())
        .isEqualTo("ratings.bookinfo.svc.cluster2.global");
    assertThat(json.get("problems").get(0).get("workspaces").get(0).asText()).isEqualTo("bookinfo");
  }

  @Test
  void yamlHasTheSameTree() {
    assertThat(StatusFormat.YAML.format(status))
        .contains("managementCluster: mgmt")
        .contains("translationLag: 2")
        .contains("state: failing");
  }

  @Test
  void saysSoWhenThereAreNoWorkspacesOrProblems() {
    MeshStatus empty =
        MeshStatus.of(
            new StatusInputs(
                List.of(StatusFixtures.cluster("cluster1", List.of(), List.of(), List.of())),
                List.of(),
                false),
            "mgmt",
            NOW);

    assertThat(StatusFormat.TABLE.format(empty))
        .contains(
            "cluster1   no       -       0            0          0         -           -                 unknown")
        .contains("no workspaces on the management cluster mgmt")
        .contains("no open problems");
  }
}
