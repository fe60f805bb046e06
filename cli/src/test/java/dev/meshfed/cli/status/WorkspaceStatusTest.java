package dev.meshfed.cli.status;

import static dev.meshfed.cli.status.StatusFixtures.NOW;
import static dev.meshfed.cli.status.StatusFixtures.cluster;
import static dev.meshfed.cli.status.StatusFixtures.deleted;
import static dev.meshfed.cli.status.StatusFixtures.desired;
import static dev.meshfed.cli.status.StatusFixtures.rejected;
import static dev.meshfed.cli.status.StatusFixtures.tombstone;
import static dev.meshfed.cli.status.StatusFixtures.workspace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.schema.ObjectRef;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkspaceStatusTest {

  private static final Instant T1 = NOW.minusSeconds(300);

  private static final ClusterRecords MGMT =
      cluster(
          "mgmt",
          List.of(
              workspace("bookinfo", T1, "cluster1/bookinfo", "cluster2/*"),
              workspace("gone", T1, "cluster1/old"),
              deleted(workspace("gone", T1), T1)),
          List.of(),
          List.of());
  private static final ClusterRecords CLUSTER1 =
      cluster(
          "cluster1",
          // a Workspace outside the management cluster is not one
          List.of(workspace("rogue", T1, "cluster1/*")),
          List.of(
              desired("reviews.bookinfo.svc.cluster2.global", "bookinfo", 0),
              desired("old.bookinfo.svc.cluster2.global", "bookinfo", 1),
              tombstone("old.bookinfo.svc.cluster2.global", 2)),
          List.of());
  private static final ClusterRecords CLUSTER2 =
      cluster(
          "cluster2",
          List.of(),
          List.of(
              desired("reviews.bookinfo.svc.cluster2.global", "bookinfo", 0),
              desired("ratings.bookinfo.svc.cluster1.global", "bookinfo", 1),
              desired("other.apps.svc.cluster1.global", "apps", 2)),
          List.of());

  @Test
  void workspacesAreTheManagementClustersWithWhatTheyDeclare() {
    List<WorkspaceStatus> workspaces =
        WorkspaceStatus.of("mgmt", List.of(MGMT, CLUSTER1, CLUSTER2), List.of());

    assertThat(workspaces).extracting(WorkspaceStatus::name).containsExactly("bookinfo");
    assertThat(workspaces.get(0).selects())
        .extracting(Object::toString)
        .containsExactly("cluster1/bookinfo", "cluster2/*");
  }

  @Test
  void hostsAreTheDistinctHostsOfTheWorkspacesCurrentDesiredObjects() {
    List<WorkspaceStatus> workspaces =
        WorkspaceStatus.of("mgmt", List.of(MGMT, CLUSTER1, CLUSTER2), List.of());

    assertThat(workspaces.get(0).hosts())
        .containsExactly(
            "ratings.bookinfo.svc.cluster1.global", "reviews.bookinfo.svc.cluster2.global");
  }

  @Test
  void aProblemBelongsToTheWorkspaceItNamesOrWhoseNamespacesItIsIn() {
    List<Problem> problems =
        Problem.open(
            List.of(
                rejected(new ObjectRef("mgmt", "Workspace", "gloo-mesh", "bookinfo"), "a", T1),
                rejected(new ObjectRef("cluster2", "Service", "anything", "x"), "b", T1),
                rejected(new ObjectRef("cluster1", "Service", "bookinfo", "reviews"), "c", T1),
                rejected(new ObjectRef("cluster1", "Namespace", "", "bookinfo"), "d", T1),
                rejected(new ObjectRef("cluster1", "WorkspaceSettings", "stray", "s"), "e", T1),
                rejected(
                    new ObjectRef("cluster1", "Workspace", "gloo-mesh", "bookinfo"), "f", T1)));

    List<WorkspaceStatus> workspaces =
        WorkspaceStatus.of("mgmt", List.of(MGMT, CLUSTER1, CLUSTER2), problems);

    assertThat(workspaces.get(0).problems())
        .extracting(Problem::reason)
        .containsExactlyInAnyOrder("a", "b", "c", "d");
  }

  @Test
  void noWorkspacesWithoutTheManagementCluster() {
    assertThat(WorkspaceStatus.of("mgmt", List.of(CLUSTER1, CLUSTER2), List.of())).isEmpty();
  }
}
