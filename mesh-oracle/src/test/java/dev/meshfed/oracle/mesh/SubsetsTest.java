package dev.meshfed.oracle.mesh;

import static dev.meshfed.oracle.mesh.FederationFindingsTest.HOST;
import static dev.meshfed.oracle.mesh.FederationFindingsTest.REMOTE_ENTRY;
import static dev.meshfed.oracle.mesh.FederationFindingsTest.REVIEWS_0;
import static dev.meshfed.oracle.mesh.FederationFindingsTest.REVIEWS_1;
import static dev.meshfed.oracle.mesh.FederationFindingsTest.federated;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Oracle rule 4: subset clusters, in the client and at the east-west gateway. */
class SubsetsTest {

  /** A DestinationRule for {@code host} in {@code namespace} with subset v3 (version: v3). */
  private static String subsets(String namespace, String host) {
    return """
        apiVersion: networking.istio.io/v1beta1
        kind: DestinationRule
        metadata: {name: reviews-%s, namespace: %s}
        spec:
          host: %s
          subsets:
          - {name: v3, labels: {version: v3}}
        """
        .formatted(namespace, namespace, host);
  }

  @Test
  void aSubsetKeepsTheEndpointsWithItsLabelsAndAnUndefinedOneHasNoRoute() {
    MeshFixture fixture =
        federated().with("cluster2", subsets("bookinfo", "reviews.bookinfo.svc.cluster.local"));
    Request local = Request.from("cluster2", "web", "reviews.bookinfo.svc.cluster.local", 9080);

    assertThat(fixture.oracle().route(local.toSubset("v3")).backends())
        .containsExactly(REVIEWS_0, REVIEWS_1);
    assertThat(fixture.oracle().route(local.toSubset("v1")).reasons())
        .containsExactly(Reason.NO_ROUTE);
  }

  @Test
  void theRemoteEntrysGatewayEndpointHasNoVersionLabelSoItsSubsetIsEmpty() {
    Route route =
        federated()
            .with("cluster1", subsets("bookinfo", HOST))
            .oracle()
            .route(Request.from("cluster1", "bookinfo", HOST, 9080).toSubset("v3"));

    assertThat(route.reasons()).containsExactly(Reason.NO_ENDPOINTS);
  }

  @Test
  void theGatewayBuildsASubsetsClusterOnlyWithTheSubsetsDestinationRule() {
    String labelledEntry =
        REMOTE_ENTRY.replace(
            "security.istio.io/tlsMode: istio}", "security.istio.io/tlsMode: istio, version: v3}");
    MeshFixture fixture =
        MeshFixture.workshop()
            .with("cluster1", labelledEntry)
            .with("cluster1", subsets("bookinfo", HOST))
            .with("cluster2", FederationFindingsTest.GATEWAY)
            .with("cluster2", FederationFindingsTest.LOCAL_ENTRY);
    Request request = Request.from("cluster1", "bookinfo", HOST, 9080).toSubset("v3");

    Route withoutRule = fixture.oracle().route(request);
    assertThat(withoutRule.reasons()).containsExactly(Reason.GATEWAY_NO_CHAIN);
    assertThat(withoutRule.blocked().get(0).detail()).contains("outbound_.9080_.v3_." + HOST);

    Route withRule =
        fixture.with("cluster2", subsets("istio-system", HOST)).oracle().route(request);
    assertThat(withRule.backends()).containsExactly(REVIEWS_0, REVIEWS_1);
    assertThat(withRule.reachable()).isTrue();
  }
}
