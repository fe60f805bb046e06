package dev.meshfed.discovery.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.schema.DiscoveredKinds;
import dev.meshfed.schema.discovery.NamespaceSelector;
import dev.meshfed.schema.discovery.WorkloadClusterSelector;
import dev.meshfed.schema.discovery.WorkspaceState;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkspaceMapperTest {

  @Test
  void mapsTheWorkloadClustersOfTheWorkshopsBookinfoWorkspace() {
    var spec =
        Map.of(
            "workloadClusters",
            List.of(
                Map.of("name", "cluster1", "namespaces", List.of(Map.of("name", "bookinfo"))),
                Map.of("name", "cluster2", "namespaces", List.of(Map.of("name", "bookinfo")))));

    Mapping mapping = WorkspaceMapper.map(Fixtures.customResource("Workspace", "bookinfo", spec));

    assertThat(mapping.problems()).isEmpty();
    Write write = mapping.writes().get(0);
    assertThat(write.key()).isEqualTo(Keys.of(DiscoveredKinds.WORKSPACE, "gloo-mesh", "bookinfo"));
    assertThat(write.value().getApiVersion()).isEqualTo("meshfed.dev/v1alpha1");
    assertThat(write.value().getPayload())
        .isEqualTo(
            new WorkspaceState(
                List.of(cluster("cluster1", "bookinfo"), cluster("cluster2", "bookinfo")),
                Map.of()));
  }

  @Test
  void wildcardsAndClustersWithoutNamespaces() {
    var spec = Map.of("workloadClusters", List.of(Map.of("name", "*")));

    assertThat(state(spec)).isEqualTo(new WorkspaceState(List.of(cluster("*")), Map.of()));
  }

  @Test
  void aWorkspaceWithoutSpecSelectsNothing() {
    Mapping mapping = WorkspaceMapper.map(Fixtures.customResource("Workspace", "empty", null));

    assertThat(mapping.problems()).isEmpty();
    assertThat(mapping.writes().get(0).value().getPayload())
        .isEqualTo(new WorkspaceState(List.of(), Map.of()));
  }

  @Test
  void aSpecThatIsNoObject() {
    Mapping mapping = WorkspaceMapper.map(Fixtures.customResource("Workspace", "bad", "cluster1"));

    assertThat(mapping.problems()).containsExactly("spec: expected an object, found 'cluster1'");
    assertThat(mapping.writes().get(0).value().getPayload())
        .isEqualTo(new WorkspaceState(List.of(), Map.of()));
  }

  @Test
  void workloadClustersThatAreNoList() {
    Mapping mapping = map(Map.of("workloadClusters", Map.of("name", "cluster1")));

    assertThat(mapping.problems())
        .containsExactly("spec.workloadClusters: expected a list, found an object");
  }

  @Test
  void keepsTheItemsThatCanBeReadAndNamesEveryOtherOne() {
    var spec =
        Map.of(
            "workloadClusters",
            List.of(
                "cluster1",
                Map.of("namespaces", List.of(Map.of("name", "bookinfo"))),
                Map.of("name", 42),
                Map.of("name", "cluster2", "namespaces", "bookinfo"),
                Map.of(
                    "name",
                    "cluster3",
                    "namespaces",
                    List.of(Map.of("name", "ok"), Map.of("name", List.of("x")), 7))));

    Mapping mapping = map(spec);

    assertThat(mapping.problems())
        .containsExactly(
            "spec.workloadClusters[0]: expected an object, found 'cluster1'",
            "spec.workloadClusters[1]: needs a name or a selector",
            "spec.workloadClusters[2].name: expected a string, found '42'",
            "spec.workloadClusters[3].namespaces: expected a list, found 'bookinfo'",
            "spec.workloadClusters[4].namespaces[1].name: expected a string, found a list",
            "spec.workloadClusters[4].namespaces[2]: expected an object, found '7'");
    assertThat(mapping.writes().get(0).value().getPayload())
        .isEqualTo(
            new WorkspaceState(List.of(cluster("cluster2"), cluster("cluster3", "ok")), Map.of()));
  }

  @Test
  void selectsClustersByRegistrationLabelsAndNamespacesByLabels() {
    var spec =
        Map.of(
            "workloadClusters",
            List.of(
                Map.of(
                    "selector",
                    Map.of("env", "prod"),
                    "namespaces",
                    List.of(Map.of("labels", Map.of("tenant", "shop")), Map.of("name", "web"))),
                Map.of("name", "cluster9", "namespaces", List.of(Map.of()))));

    Mapping mapping = map(spec);

    assertThat(mapping.problems())
        .containsExactly("spec.workloadClusters[1].namespaces[0]: needs a name or labels");
    assertThat(mapping.writes().get(0).value().getPayload())
        .isEqualTo(
            new WorkspaceState(
                List.of(
                    new WorkloadClusterSelector(
                        null,
                        List.of(
                            new NamespaceSelector(null, Map.of("tenant", "shop")),
                            new NamespaceSelector("web", Map.of())),
                        Map.of("env", "prod")),
                    new WorkloadClusterSelector("cluster9", List.of(), Map.of())),
                Map.of()));
  }

  @Test
  void carriesTheWorkspacesOwnLabels() {
    var workspace = Fixtures.customResource("Workspace", "ws", Map.of());
    workspace.getMetadata().setLabels(Map.of("team", "platform"));

    WorkspaceState state =
        (WorkspaceState) WorkspaceMapper.map(workspace).writes().get(0).value().getPayload();

    assertThat(state.getLabels()).isEqualTo(Map.of("team", "platform"));
  }

  private static Mapping map(Object spec) {
    return WorkspaceMapper.map(Fixtures.customResource("Workspace", "ws", spec));
  }

  private static Object state(Object spec) {
    return map(spec).writes().get(0).value().getPayload();
  }

  private static WorkloadClusterSelector cluster(String name, String... namespaces) {
    return new WorkloadClusterSelector(
        name,
        Arrays.stream(namespaces).map(n -> new NamespaceSelector(n, Map.of())).toList(),
        Map.of());
  }
}
