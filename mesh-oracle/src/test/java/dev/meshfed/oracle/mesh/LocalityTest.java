package dev.meshfed.oracle.mesh;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The locality part of rule 11: priorities only under a DestinationRule with outlierDetection. */
class LocalityTest {

  private static final String HOST = "reviews.bookinfo.svc.cluster.local";

  /** reviews in cluster2: two pods in us-east/a (the workshop's v3), one in eu-west/b. */
  private static MeshFixture spread() {
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
                  labels: {app: reviews, istio-locality: us-east.a}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: reviews-eu, namespace: bookinfo}
            spec:
              template:
                metadata:
                  labels: {app: reviews, istio-locality: eu-west.b}
            """);
  }

  private static String rule(String loadBalancer) {
    return """
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata: {name: reviews, namespace: bookinfo}
        spec:
          host: reviews
          trafficPolicy:
            outlierDetection: {consecutive5xxErrors: 1}
        %s
        """
        .formatted(loadBalancer);
  }

  private static Route from(MeshFixture fixture, String locality) {
    return fixture.oracle().route(Request.from("cluster2", "web", HOST, 9080).at(locality));
  }

  @Test
  void withoutOutlierDetectionEveryLocalityShares() {
    Route route = from(spread(), "us-east/a/");

    assertThat(route.backends()).hasSize(3);
    assertThat(route.arrivals()).allSatisfy(a -> assertThat(a.share()).isEqualTo(1.0 / 3));
  }

  @Test
  void withOutlierDetectionTheProxysOwnLocalityTakesEverything() {
    Route route = from(spread().with("cluster2", rule("")), "us-east/a/");

    assertThat(route.backends())
        .containsExactly("cluster2/bookinfo/reviews-east-0", "cluster2/bookinfo/reviews-east-1");
  }

  @Test
  void aFailoverRuleSendsAnotherRegionsProxiesWhereItSays() {
    String failover =
        "    loadBalancer: {localityLbSetting: {failover: [{from: us-west, to: eu-west}]}}";
    Route route = from(spread().with("cluster2", rule(failover)), "us-west/c/");

    assertThat(route.backends()).containsExactly("cluster2/bookinfo/reviews-eu-0");
  }

  @Test
  void disablingLocalityLoadBalancingSharesAgain() {
    String disabled = "    loadBalancer: {localityLbSetting: {enabled: false}}";

    assertThat(from(spread().with("cluster2", rule(disabled)), "us-east/a/").backends()).hasSize(3);
  }
}
