package dev.meshfed.oracle.mesh;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** distribute and failoverPriority of rule 11 (§7): locality weights, and priorities by labels. */
class LocalityDistributeAndPriorityTest {

  private static final String HOST = "reviews.bookinfo.svc.cluster.local";
  private static final String EAST_0 = "cluster2/bookinfo/reviews-east-0";
  private static final String EAST_1 = "cluster2/bookinfo/reviews-east-1";
  private static final String EU = "cluster2/bookinfo/reviews-eu-0";

  /** reviews in cluster2: two v1 pods in us-east/a, one pod in eu-west/b of the version given. */
  private static MeshFixture spread(String euVersion) {
    return MeshFixture.workshop()
        .without("cluster2", "Deployment", "reviews-v3")
        .with(
            "cluster2",
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: reviews-east, namespace: bookinfo}
            spec:
              replicas: 2
              template:
                metadata:
                  labels: {app: reviews, version: v1, istio-locality: us-east.a}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: reviews-eu, namespace: bookinfo}
            spec:
              template:
                metadata:
                  labels: {app: reviews, version: %s, istio-locality: eu-west.b}
            """
                .formatted(euVersion));
  }

  private static String rule(String trafficPolicy) {
    return """
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata: {name: reviews, namespace: bookinfo}
        spec:
          host: reviews
          trafficPolicy:
        %s
        """
        .formatted(trafficPolicy);
  }

  private static final String OUTLIERS = "    outlierDetection: {consecutive5xxErrors: 1}\n";

  private static Route from(MeshFixture fixture, String locality, Map<String, String> labels) {
    return fixture
        .oracle()
        .route(Request.from("cluster2", "web", HOST, 9080).at(locality).withSourceLabels(labels));
  }

  @Test
  void distributeGivesEachLocalityItsWeightSplitAmongItsPods() {
    String distribute =
        "    loadBalancer: {localityLbSetting: {distribute: [{from: us-east/a/*, to: {us-east/a/*:"
            + " 80, eu-west/*: 20}}]}}";

    Route route = from(spread("v1").with("cluster2", rule(distribute)), "us-east/a/", Map.of());

    // without outlierDetection too: distribute does not need it
    assertThat(MeshFixture.shares(route)).isEqualTo(Map.of(EAST_0, 0.4, EAST_1, 0.4, EU, 0.2));
  }

  @Test
  void distributeDropsTheLocalitiesItsMatchingEntryDoesNotName() {
    String distribute =
        OUTLIERS
            + "    loadBalancer: {localityLbSetting: {distribute: [{from: us-west/*, to:"
            + " {us-west/*: 100}}, {from: us-east/*, to: {eu-west/b/*: 100}}]}}";

    Route route = from(spread("v1").with("cluster2", rule(distribute)), "us-east/a/", Map.of());

    assertThat(MeshFixture.shares(route)).isEqualTo(Map.of(EU, 1.0));
  }

  @Test
  void distributeWithoutAnEntryForTheProxysLocalityChangesNothing() {
    String distribute =
        "    loadBalancer: {localityLbSetting: {distribute: [{from: us-west/*, to: {eu-west/*:"
            + " 100}}]}}";

    Route route = from(spread("v1").with("cluster2", rule(distribute)), "us-east/a/", Map.of());

    assertThat(MeshFixture.shares(route))
        .isEqualTo(Map.of(EAST_0, 0.333, EAST_1, 0.333, EU, 0.333));
  }

  @Test
  void failoverPriorityPrefersThePodsWhoseLabelsMatchTheProxysOverItsLocality() {
    String priority =
        OUTLIERS + "    loadBalancer: {localityLbSetting: {failoverPriority: [version]}}";
    MeshFixture fixture = spread("v2").with("cluster2", rule(priority));

    assertThat(MeshFixture.shares(from(fixture, "us-east/a/", Map.of("version", "v2"))))
        .isEqualTo(Map.of(EU, 1.0));
    assertThat(MeshFixture.shares(from(fixture, "us-east/a/", Map.of("version", "v1"))))
        .isEqualTo(Map.of(EAST_0, 0.5, EAST_1, 0.5));
  }

  @Test
  void failoverPriorityAloneIgnoresLocalityWhereTheLabelsTie() {
    String priority =
        OUTLIERS + "    loadBalancer: {localityLbSetting: {failoverPriority: [version]}}";

    Route route =
        from(spread("v1").with("cluster2", rule(priority)), "us-east/a/", Map.of("version", "v1"));

    assertThat(MeshFixture.shares(route))
        .isEqualTo(Map.of(EAST_0, 0.333, EAST_1, 0.333, EU, 0.333));
  }

  @Test
  void withFailoverTooTheLocalityPriorityBreaksTheTie() {
    String both =
        OUTLIERS
            + "    loadBalancer: {localityLbSetting: {failoverPriority: [version], failover:"
            + " [{from: us-west, to: eu-west}]}}";

    Route route =
        from(spread("v1").with("cluster2", rule(both)), "us-west/c/", Map.of("version", "v1"));

    assertThat(MeshFixture.shares(route)).isEqualTo(Map.of(EU, 1.0));
  }

  @Test
  void topologyLabelsComeFromTheLocalities() {
    String priority =
        OUTLIERS
            + "    loadBalancer: {localityLbSetting: {failoverPriority:"
            + " [topology.kubernetes.io/region]}}";

    Route route = from(spread("v1").with("cluster2", rule(priority)), "eu-west/z/", Map.of());

    assertThat(MeshFixture.shares(route)).isEqualTo(Map.of(EU, 1.0));
  }

  /**
   * Across clusters the other cluster's pods are its gateway's WorkloadEntry: failoverPriority
   * prefers them only if the entry carries the label, as translation writes it.
   */
  @Test
  void acrossClustersTheWorkloadEntrysLabelsDecide() {
    MeshFixture fixture =
        MeshFixture.groupedFederation()
            .istioVersion("cluster1", "1.24.2")
            .edit(
                "cluster1",
                "DestinationRule",
                "vd-reviews-global",
                rule ->
                    ((ObjectNode) rule.at("/spec/trafficPolicy/loadBalancer/localityLbSetting"))
                        .putArray("failoverPriority")
                        .add("version"));
    Request v3Client =
        GroupedFederationTest.fromCluster1().withSourceLabels(Map.of("version", "v3"));

    assertThat(MeshFixture.shares(fixture.oracle().route(v3Client)))
        .isEqualTo(Map.of(GroupedFederationTest.V3, 1.0));

    fixture.edit(
        "cluster1",
        "WorkloadEntry",
        "vd-reviews-global-cluster2-v3",
        entry -> ((ObjectNode) entry.at("/spec/labels")).remove("version"));
    // no endpoint matches v3 now: the failover rule keeps cluster1's own pods first
    assertThat(MeshFixture.shares(fixture.oracle().route(v3Client)))
        .isEqualTo(Map.of(GroupedFederationTest.V1, 0.5, GroupedFederationTest.V2, 0.5));
  }
}
