package dev.meshfed.cli.status;

import static dev.meshfed.cli.status.StatusFixtures.NOW;
import static dev.meshfed.cli.status.StatusFixtures.deleted;
import static dev.meshfed.cli.status.StatusFixtures.discovered;
import static dev.meshfed.cli.status.StatusFixtures.status;
import static dev.meshfed.cli.status.StatusFixtures.statusDeleted;
import static dev.meshfed.cli.status.StatusFixtures.workspace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.cli.status.GroupedKind.Count;
import dev.meshfed.schema.DiscoveredKinds;
import dev.meshfed.schema.discovery.ExternalEndpointState;
import dev.meshfed.schema.discovery.FailoverPolicyState;
import dev.meshfed.schema.discovery.ImportedServiceSetState;
import dev.meshfed.schema.discovery.RetryTimeoutPolicyState;
import dev.meshfed.schema.discovery.RouteTableState;
import dev.meshfed.schema.discovery.ServiceExportState;
import dev.meshfed.schema.discovery.VirtualDestinationState;
import dev.meshfed.schema.status.InputState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GroupedInputStatusTest {

  private static final Instant T1 = NOW.minusSeconds(300);
  private static final String VD = DiscoveredKinds.VIRTUAL_DESTINATION;
  private static final String GLOO_RT = DiscoveredKinds.GLOO_ROUTE_TABLE;
  private static final String RETRY = DiscoveredKinds.RETRY_TIMEOUT_POLICY;

  private static final ClusterRecords MGMT =
      StatusFixtures.cluster(
          "mgmt", List.of(workspace("bookinfo", T1, "cluster1/bookinfo")), List.of(), List.of());

  private static List<GroupedInputStatus> of(ClusterRecords... clusters) {
    List<ClusterRecords> all = new ArrayList<>(List.of(MGMT));
    all.addAll(List.of(clusters));
    return GroupedInputStatus.of(all, WorkspaceStatus.of("mgmt", all, List.of()));
  }

  private static ClusterRecords cluster1(
      List<DiscoveredRecord> discovered, List<InputStatusRecord> statuses) {
    return new ClusterRecords(
        "cluster1",
        discovered,
        List.of(),
        List.of(),
        new TranslationProgress(0, 0, null),
        statuses);
  }

  private static DiscoveredRecord virtualDestination(String name, long generation) {
    return discovered(
        VD, "bookinfo", name, VirtualDestinationState.newBuilder().build(), T1, generation);
  }

  @Test
  void aGroupedInputHasItsLatestStatusWithTheCountsOfItsKind() {
    List<GroupedInputStatus> inputs =
        of(
            cluster1(
                List.of(virtualDestination("reviews", 2)),
                List.of(
                    status(VD, "bookinfo", "reviews", InputState.WARNING, "no backing", 1, ""),
                    status(
                        VD,
                        "bookinfo",
                        "reviews",
                        InputState.ACCEPTED,
                        "accepted",
                        2,
                        "\"selectedBackingServices\":2,\"appliedPolicies\":1,\"unrelated\":9"))));

    assertThat(inputs).hasSize(1);
    GroupedInputStatus reviews = inputs.get(0);
    assertThat(reviews.input().path()).isEqualTo("cluster1/VirtualDestination/bookinfo/reviews");
    assertThat(reviews.workspaces()).containsExactly("bookinfo");
    assertThat(reviews.state()).isEqualTo("ACCEPTED");
    assertThat(reviews.message()).isEqualTo("accepted");
    assertThat(reviews.counts())
        .containsExactly(
            Map.entry(Count.BACKING_SERVICES, 2L), Map.entry(Count.APPLIED_POLICIES, 1L));
    assertThat(reviews.outdated()).isFalse();
  }

  @Test
  void serviceExportsAndOssmResourcesAreListedWithTheirState() {
    List<GroupedInputStatus> inputs =
        of(
            cluster1(
                List.of(
                    discovered(
                        DiscoveredKinds.SERVICE_EXPORT,
                        "bookinfo",
                        "reviews",
                        ServiceExportState.newBuilder().build(),
                        T1),
                    discovered(
                        DiscoveredKinds.IMPORTED_SERVICE_SET,
                        "istio-system",
                        "mesh1",
                        ImportedServiceSetState.newBuilder().build(),
                        T1)),
                List.of(
                    status(
                        DiscoveredKinds.SERVICE_EXPORT,
                        "bookinfo",
                        "reviews",
                        InputState.WARNING,
                        "port 9080: ...",
                        1,
                        ""))));

    assertThat(inputs)
        .extracting(i -> i.input().path() + " " + i.state())
        .as("by workspace, those of none last")
        .containsExactly(
            "cluster1/ServiceExport.multicluster.x-k8s.io/bookinfo/reviews WARNING",
            "cluster1/ImportedServiceSet.federation.maistra.io/istio-system/mesh1 PENDING");
  }

  @Test
  void anInputWithNoStatusYetOrAWithdrawnOneIsPending() {
    List<GroupedInputStatus> inputs =
        of(
            cluster1(
                List.of(
                    discovered(
                        RETRY,
                        "bookinfo",
                        "timeout",
                        RetryTimeoutPolicyState.newBuilder().build(),
                        T1),
                    discovered(
                        DiscoveredKinds.FAILOVER_POLICY,
                        "bookinfo",
                        "failover",
                        FailoverPolicyState.newBuilder().build(),
                        T1)),
                List.of(
                    status(RETRY, "bookinfo", "timeout", InputState.ACCEPTED, "accepted", 1, ""),
                    statusDeleted(RETRY, "bookinfo", "timeout"))));

    assertThat(inputs).extracting(GroupedInputStatus::state).containsOnly("PENDING");
    assertThat(inputs).allMatch(GroupedInputStatus::pending);
    assertThat(inputs.get(0).message()).isEqualTo(GroupedInputStatus.PENDING_MESSAGE);
    assertThat(inputs.get(0).counts()).isEmpty();
  }

  @Test
  void onlyDiscoveredInputsOfTheGroupedKindsAreListed() {
    List<GroupedInputStatus> inputs =
        of(
            cluster1(
                List.of(
                    virtualDestination("gone", 1),
                    deleted(virtualDestination("gone", 1), T1),
                    discovered(
                        DiscoveredKinds.EXTERNAL_ENDPOINT,
                        "bookinfo",
                        "db",
                        ExternalEndpointState.newBuilder().build(),
                        T1)),
                // translation has not withdrawn the deleted one's status yet
                List.of(status(VD, "bookinfo", "gone", InputState.ACCEPTED, "accepted", 1, ""))));

    assertThat(inputs).isEmpty();
  }

  @Test
  void aStatusOfAnOlderGenerationIsOutdated() {
    List<GroupedInputStatus> inputs =
        of(
            cluster1(
                List.of(virtualDestination("reviews", 3)),
                List.of(
                    status(VD, "bookinfo", "reviews", InputState.ACCEPTED, "accepted", 2, ""))));

    assertThat(inputs.get(0).generation()).isEqualTo(3L);
    assertThat(inputs.get(0).observedGeneration()).isEqualTo(2L);
    assertThat(inputs.get(0).outdated()).isTrue();
  }

  @Test
  void inputsAreOrderedByWorkspaceThoseOfNoneLastThenClusterKindAndName() {
    ClusterRecords cluster1 =
        cluster1(
            List.of(
                discovered(GLOO_RT, "bookinfo", "b", RouteTableState.newBuilder().build(), T1),
                virtualDestination("z", 1),
                discovered(VD, "elsewhere", "a", VirtualDestinationState.newBuilder().build(), T1),
                discovered(GLOO_RT, "bookinfo", "a", RouteTableState.newBuilder().build(), T1)),
            List.of());
    ClusterRecords cluster0 =
        new ClusterRecords(
            "cluster0",
            List.of(virtualDestination("x", 1)),
            List.of(),
            List.of(),
            new TranslationProgress(0, 0, null));

    assertThat(of(cluster0, cluster1))
        .extracting(i -> i.input().path())
        .containsExactly(
            "cluster1/RouteTable.networking.gloo.solo.io/bookinfo/a",
            "cluster1/RouteTable.networking.gloo.solo.io/bookinfo/b",
            "cluster1/VirtualDestination/bookinfo/z",
            "cluster0/VirtualDestination/bookinfo/x",
            "cluster1/VirtualDestination/elsewhere/a");
  }
}
