package dev.meshfed.oracle.mesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * reviews.global backed by cluster1's reviews (v1, v2) and an ExternalService at 192.0.2.21 and
 * 192.0.2.22 (port 8080), called from cluster2, which backs nothing itself: the entry and rule are
 * those translation-core's golden case virtual-destination-external writes there. The gateway
 * endpoint is labelled for Istio mTLS, the external ones are not, and the rule sets no TLS.
 */
class VirtualDestinationExternalsTest {

  static final String ENTRY =
      """
      apiVersion: networking.istio.io/v1beta1
      kind: ServiceEntry
      metadata: {name: vd-reviews-bookinfo, namespace: istio-system}
      spec:
        hosts: [reviews.global]
        location: MESH_INTERNAL
        ports: [{number: 9080, name: http-9080, protocol: HTTP}]
        exportTo: [bookinfo]
        resolution: STATIC
        subjectAltNames: ['spiffe://cluster1/ns/bookinfo/sa/bookinfo-reviews']
        endpoints:
        - address: 172.18.0.10
          labels: {security.istio.io/tlsMode: istio}
          ports: {http-9080: 15443}
        - {address: 192.0.2.21, ports: {http-9080: 8080}}
        - {address: 192.0.2.22, ports: {http-9080: 8080}}
      """;

  static final String RULE =
      """
      apiVersion: networking.istio.io/v1beta1
      kind: DestinationRule
      metadata: {name: vd-reviews-global, namespace: istio-system}
      spec:
        host: reviews.global
        exportTo: [bookinfo]
      """;

  /** cluster2 without its own reviews.global objects, with the external-backed ones. */
  static MeshFixture mesh(String rule) {
    return MeshFixture.groupedFederation()
        .without("cluster2", "ServiceEntry", "vd-reviews-global")
        .without("cluster2", "WorkloadEntry", "vd-reviews-global-cluster1-v1")
        .without("cluster2", "WorkloadEntry", "vd-reviews-global-cluster1-v2")
        .without("cluster2", "DestinationRule", "vd-reviews-global")
        .with("cluster2", ENTRY)
        .with("cluster2", rule);
  }

  static Route route(MeshFixture mesh) {
    return mesh.oracle().route(Request.from("cluster2", "bookinfo", "reviews.global", 9080));
  }

  @Test
  void theHostIsSharedBetweenCluster1sPodsAndTheExternalEndpoints() {
    Route route = route(mesh(RULE));

    assertThat(route.reachable()).as(route.toString()).isTrue();
    assertThat(MeshFixture.shares(route))
        .isEqualTo(Map.of(GroupedFederationTest.V1, 0.167, GroupedFederationTest.V2, 0.167));
    assertThat(route.egress())
        .extracting(Route.Egress::address, Route.Egress::port, Route.Egress::tls)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("192.0.2.21", 8080, Route.EgressTls.NONE),
            org.assertj.core.groups.Tuple.tuple("192.0.2.22", 8080, Route.EgressTls.NONE));
    assertThat(route.egressShare()).isCloseTo(2.0 / 3, within(1e-9));
  }

  @Test
  void istioMutualOnTheHostWouldStrandTheExternalEndpoints() {
    String mutual = RULE + "  trafficPolicy: {tls: {mode: ISTIO_MUTUAL}}\n";

    Route route = route(mesh(mutual));

    assertThat(route.egress()).isEmpty();
    assertThat(route.blockedShare(Reason.UNREACHABLE_ADDRESS)).isCloseTo(2.0 / 3, within(1e-9));
  }

  /**
   * An ExternalEndpoint's locality is the endpoint's: with outlier detection on the host,
   * cluster2's client (us-west/b) sends everything to the external endpoint in its own zone, and
   * without that locality it spreads as above.
   */
  @Test
  void anExternalEndpointInTheClientsZoneTakesEverythingUnderOutlierDetection() {
    String rule = RULE + "  trafficPolicy: {outlierDetection: {consecutive5xxErrors: 5}}\n";
    String local =
        ENTRY.replace(
            "- {address: 192.0.2.21, ports: {http-9080: 8080}}",
            "- {address: 192.0.2.21, ports: {http-9080: 8080}, locality: us-west/b}");

    Request fromUsWest =
        Request.from("cluster2", "bookinfo", "reviews.global", 9080).at("us-west/b/");

    Route inZone =
        mesh(rule)
            .without("cluster2", "ServiceEntry", "vd-reviews-bookinfo")
            .with("cluster2", local)
            .oracle()
            .route(fromUsWest);
    Route unplaced = mesh(rule).oracle().route(fromUsWest);

    assertThat(inZone.egress()).extracting(Route.Egress::address).containsExactly("192.0.2.21");
    assertThat(inZone.egressShare()).isCloseTo(1.0, within(1e-9));
    assertThat(unplaced.egressShare()).isCloseTo(2.0 / 3, within(1e-9));
  }

  @Test
  void theObjectsAreAdmittedByIstio111And124() {
    MeshFixture fixture = mesh(RULE);

    assertThat(ConfigAdmission.refusals(fixture.oracle(), fixture.objects())).isEmpty();
    fixture.istioVersion("cluster2", "1.11.7");
    assertThat(ConfigAdmission.refusals(fixture.oracle(), fixture.objects())).isEmpty();
  }
}
