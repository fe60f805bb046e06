package dev.meshfed.cli.status;

import static dev.meshfed.cli.status.StatusFixtures.NOW;
import static dev.meshfed.cli.status.StatusFixtures.agent;
import static dev.meshfed.cli.status.StatusFixtures.applyFailed;
import static dev.meshfed.cli.status.StatusFixtures.controlPlane;
import static dev.meshfed.cli.status.StatusFixtures.converged;
import static dev.meshfed.cli.status.StatusFixtures.desired;
import static dev.meshfed.cli.status.StatusFixtures.discovered;
import static dev.meshfed.cli.status.StatusFixtures.recomputeFinished;
import static dev.meshfed.cli.status.StatusFixtures.recomputeStarted;
import static dev.meshfed.cli.status.StatusFixtures.rejected;
import static dev.meshfed.cli.status.StatusFixtures.service;
import static dev.meshfed.cli.status.StatusFixtures.status;
import static dev.meshfed.cli.status.StatusFixtures.translationBehind;
import static dev.meshfed.cli.status.StatusFixtures.translationCaughtUp;
import static dev.meshfed.cli.status.StatusFixtures.workspace;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshfed.schema.DiscoveredKinds;
import dev.meshfed.schema.ObjectRef;
import dev.meshfed.schema.discovery.AccessPolicyState;
import dev.meshfed.schema.discovery.MirrorPolicyState;
import dev.meshfed.schema.discovery.RouteTableState;
import dev.meshfed.schema.discovery.VirtualDestinationState;
import dev.meshfed.schema.status.InputState;
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
            "CLUSTER    JOINED   ISTIO    NAMESPACES   SERVICES   DESIRED   LAST SEEN   TRANSLATION LAG   APPLY               DRIFT",
            "cluster1   yes      1.11.7   0            1          1         12s         2                 converged 3m ago    -",
            "cluster2   no       -        0            1          0         3m          1                 failing: 1 object   -",
            "mgmt       no       -        0            0          0         2h          0                 unknown             -",
            "",
            "WORKSPACE   SELECTS                               HOSTS   OPEN PROBLEMS",
            "bookinfo    cluster1/bookinfo,cluster2/bookinfo   1       1",
            "",
            "INPUT                               SEVERITY   AGE   WORKSPACE   REASON",
            "cluster2/Service/bookinfo/ratings   INVALID    2h    bookinfo    port 53 is UDP");
  }

  @Test
  void saysWhenTranslationIsInTheMiddleOfAFullRecomputeAndHowTheLastOneWent() {
    StatusInputs running =
        new StatusInputs(
            List.of(), List.of(recomputeFinished(40, 900, T1), recomputeStarted(7034, T3)), true);
    StatusInputs done =
        new StatusInputs(
            List.of(),
            List.of(recomputeStarted(7034, T2), recomputeFinished(7034, 14_200, T3)),
            true);

    assertThat(StatusFormat.TABLE.format(MeshStatus.of(running, "mgmt", NOW)))
        .contains(
            "translation: recomputing all 7034 units (started 12s ago): desired config is"
                + " incomplete until it finishes");
    assertThat(StatusFormat.TABLE.format(MeshStatus.of(done, "mgmt", NOW)))
        .contains("translation: idle; last full recompute: 7034 units in 14200 ms, 12s ago");
    assertThat(StatusFormat.YAML.format(MeshStatus.of(running, "mgmt", NOW)))
        .contains("recomputing: true")
        .contains("units: 7034");
  }

  @Test
  void saysWhenTranslationIsBehindItsInputUntilItCatchesUp() {
    StatusInputs behind =
        new StatusInputs(
            List.of(),
            List.of(
                recomputeStarted(40, T1),
                recomputeFinished(40, 900, T1),
                translationBehind(12, T3)),
            true);
    StatusInputs caughtUp =
        new StatusInputs(
            List.of(),
            List.of(
                recomputeStarted(40, T1),
                recomputeFinished(40, 900, T1),
                translationBehind(12, T2),
                translationCaughtUp(1_500, T3)),
            true);

    assertThat(StatusFormat.TABLE.format(MeshStatus.of(behind, "mgmt", NOW)))
        .contains(
            "translation: behind its input for 12s, 12 units deferred: desired config is"
                + " incomplete until it catches up");
    assertThat(StatusFormat.YAML.format(MeshStatus.of(behind, "mgmt", NOW)))
        .contains("behind: true")
        .contains("deferredUnits: 12");
    assertThat(StatusFormat.TABLE.format(MeshStatus.of(caughtUp, "mgmt", NOW)))
        .contains("translation: idle; last full recompute: 40 units in 900 ms");
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

  /** cluster1 of the status above, with grouped inputs and their statuses. */
  private final MeshStatus withGroupedInputs =
      MeshStatus.of(
          new StatusInputs(
              List.of(
                  new ClusterRecords(
                      "cluster1",
                      List.of(
                          discovered(
                              DiscoveredKinds.VIRTUAL_DESTINATION,
                              "bookinfo",
                              "reviews",
                              VirtualDestinationState.newBuilder().build(),
                              T1),
                          discovered(
                              DiscoveredKinds.GLOO_ROUTE_TABLE,
                              "bookinfo",
                              "ratings",
                              RouteTableState.newBuilder().build(),
                              T1,
                              4),
                          discovered(
                              DiscoveredKinds.MIRROR_POLICY,
                              "bookinfo",
                              "shadow",
                              MirrorPolicyState.newBuilder().build(),
                              T3),
                          discovered(
                              DiscoveredKinds.ACCESS_POLICY,
                              "stray",
                              "deny",
                              AccessPolicyState.newBuilder().build(),
                              T1)),
                      List.of(),
                      List.of(),
                      new TranslationProgress(0, 4, 3L),
                      List.of(
                          status(
                              DiscoveredKinds.VIRTUAL_DESTINATION,
                              "bookinfo",
                              "reviews",
                              InputState.ACCEPTED,
                              "accepted",
                              1,
                              "\"selectedBackingServices\":2,\"appliedPolicies\":1"),
                          status(
                              DiscoveredKinds.GLOO_ROUTE_TABLE,
                              "bookinfo",
                              "ratings",
                              InputState.WARNING,
                              LONG_MESSAGE,
                              3,
                              "\"routes\":3,\"appliedPolicies\":0"),
                          status(
                              DiscoveredKinds.ACCESS_POLICY,
                              "stray",
                              "deny",
                              InputState.INVALID,
                              "no workspace",
                              1,
                              "\"selectedDestinations\":0"))),
                  new ClusterRecords(
                      "mgmt",
                      List.of(workspace("bookinfo", T1, "cluster1/bookinfo")),
                      List.of(),
                      List.of(),
                      new TranslationProgress(0, 1, 1L))),
              List.of(),
              true),
          "mgmt",
          NOW);

  private static final String LONG_MESSAGE =
      "route 1 of RouteTable bookinfo/ratings: destination ratings.bookinfo is unknown to the"
          + " clients of cluster1 (no such Service there); the route is left out there";

  @Test
  void groupedInputsAreATableOfTheirOwnAfterTheWorkspaces() {
    List<String> lines = StatusFormat.TABLE.format(withGroupedInputs).lines().toList();

    assertThat(lines)
        .containsExactly(
            "CLUSTER    JOINED   ISTIO   NAMESPACES   SERVICES   DESIRED   LAST SEEN   TRANSLATION LAG   APPLY     DRIFT",
            "cluster1   no       -       0            0          0         12s         1                 unknown   -",
            "mgmt       no       -       0            0          0         2h          0                 unknown   -",
            "",
            "WORKSPACE   SELECTS             HOSTS   OPEN PROBLEMS",
            "bookinfo    cluster1/bookinfo   0       0",
            "",
            "WORKSPACE   INPUT                                                          STATE                COUNTS                  MESSAGE",
            "bookinfo    cluster1/MirrorPolicy/bookinfo/shadow                          PENDING              -                       no status from translation yet",
            "bookinfo    cluster1/RouteTable.networking.gloo.solo.io/bookinfo/ratings   WARNING (outdated)   routes 3, policies 0    route 1 of RouteTable bookinfo/ratings: destination ratings.bookinfo is unkno...",
            "bookinfo    cluster1/VirtualDestination/bookinfo/reviews                   ACCEPTED             backing 2, policies 1   accepted",
            "-           cluster1/AccessPolicy/stray/deny                               INVALID              destinations 0          no workspace",
            "",
            "no open problems");
  }

  @Test
  void theGroupedInputsTableIsLeftOutWhenThereAreNone() {
    assertThat(StatusFormat.TABLE.format(status)).doesNotContain("COUNTS");
  }

  @Test
  void jsonHasEachGroupedInputWithItsWholeMessageAndCountsByField() throws Exception {
    JsonNode inputs =
        new ObjectMapper()
            .readTree(StatusFormat.JSON.format(withGroupedInputs))
            .get("groupedInputs");

    assertThat(inputs).hasSize(4);
    JsonNode routeTable = inputs.get(1);
    assertThat(routeTable.get("input").asText())
        .isEqualTo("cluster1/RouteTable.networking.gloo.solo.io/bookinfo/ratings");
    assertThat(routeTable.get("kind").asText()).isEqualTo("RouteTable.networking.gloo.solo.io");
    assertThat(routeTable.get("workspaces").get(0).asText()).isEqualTo("bookinfo");
    assertThat(routeTable.get("state").asText()).isEqualTo("WARNING");
    assertThat(routeTable.get("message").asText()).isEqualTo(LONG_MESSAGE);
    assertThat(routeTable.get("generation").asLong()).isEqualTo(4);
    assertThat(routeTable.get("observedGeneration").asLong()).isEqualTo(3);
    assertThat(routeTable.get("counts").get("routes").asLong()).isEqualTo(3);
    assertThat(routeTable.get("counts").get("appliedPolicies").asLong()).isZero();
    JsonNode pending = inputs.get(0);
    assertThat(pending.get("state").asText()).isEqualTo("PENDING");
    assertThat(pending.get("observedGeneration").isNull()).isTrue();
    assertThat(pending.get("counts")).isEmpty();
    assertThat(inputs.get(3).get("workspaces")).isEmpty();
  }

  @Test
  void jsonAndYamlListNoGroupedInputsWhenThereAreNone() throws Exception {
    assertThat(new ObjectMapper().readTree(StatusFormat.JSON.format(status)).get("groupedInputs"))
        .isEmpty();
    assertThat(StatusFormat.YAML.format(status)).contains("groupedInputs: []");
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
