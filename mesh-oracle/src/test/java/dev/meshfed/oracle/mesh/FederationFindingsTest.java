package dev.meshfed.oracle.mesh;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The findings of the Istio conformance issue, each a case that failed on meshfed's earlier output:
 * cluster1/bookinfo calls reviews.bookinfo.svc.cluster2.global, whose pods run in cluster2.
 */
class FederationFindingsTest {

  static final String HOST = "reviews.bookinfo.svc.cluster2.global";
  static final String REVIEWS_0 = "cluster2/bookinfo/reviews-v3-0";
  static final String REVIEWS_1 = "cluster2/bookinfo/reviews-v3-1";

  /** The remote entry in cluster1 as meshfed wrote it before the fix: no tlsMode label. */
  static final String REMOTE_ENTRY_WITHOUT_TLS_MODE =
      """
      apiVersion: networking.istio.io/v1beta1
      kind: ServiceEntry
      metadata: {name: reviews-bookinfo-svc-cluster2-global, namespace: istio-system}
      spec:
        hosts: [reviews.bookinfo.svc.cluster2.global]
        location: MESH_INTERNAL
        ports: [{number: 9080, name: http, protocol: HTTP}]
        exportTo: [bookinfo]
        resolution: STATIC
        endpoints:
        - address: 172.18.2.10
          ports: {http: 15443}
          network: cluster2
          labels: {topology.istio.io/cluster: cluster2}
      """;

  static final String REMOTE_ENTRY =
      REMOTE_ENTRY_WITHOUT_TLS_MODE.replace(
          "labels: {topology.istio.io/cluster: cluster2}",
          "labels: {topology.istio.io/cluster: cluster2, security.istio.io/tlsMode: istio}");

  static final String GATEWAY =
      """
      apiVersion: networking.istio.io/v1
      kind: Gateway
      metadata: {name: meshfed-eastwest-global, namespace: istio-system}
      spec:
        selector: {istio: eastwestgateway}
        servers:
        - port: {number: 15443, name: tls, protocol: TLS}
          tls: {mode: AUTO_PASSTHROUGH}
          hosts: ['*.global']
      """;

  /**
   * The local entry in cluster2 as meshfed wrote it before the fix: in the control plane's
   * namespace.
   */
  static final String LOCAL_ENTRY_IN_ISTIO_SYSTEM =
      """
      apiVersion: networking.istio.io/v1
      kind: ServiceEntry
      metadata: {name: reviews-bookinfo-svc-cluster2-global, namespace: istio-system}
      spec:
        hosts: [reviews.bookinfo.svc.cluster2.global]
        location: MESH_INTERNAL
        ports: [{number: 9080, name: http, protocol: HTTP}]
        exportTo: [bookinfo, istio-system]
        resolution: STATIC
        workloadSelector:
          labels: {app: reviews}
      """;

  static final String LOCAL_ENTRY =
      LOCAL_ENTRY_IN_ISTIO_SYSTEM.replace("namespace: istio-system}", "namespace: bookinfo}");

  static MeshFixture federated() {
    return MeshFixture.workshop()
        .with("cluster1", REMOTE_ENTRY)
        .with("cluster2", GATEWAY)
        .with("cluster2", LOCAL_ENTRY);
  }

  @Test
  void withoutTheTlsModeLabelTheClientSendsPlaintextWhichThePassthroughListenerCloses() {
    Route route =
        MeshFixture.workshop()
            .with("cluster1", REMOTE_ENTRY_WITHOUT_TLS_MODE)
            .with("cluster2", GATEWAY)
            .with("cluster2", LOCAL_ENTRY)
            .route("cluster1", "bookinfo", HOST);

    assertThat(route.reachable()).isFalse();
    assertThat(route.reasons()).containsExactly(Reason.PLAINTEXT_AT_GATEWAY);
  }

  @Test
  void aLocalEntryInTheControlPlaneNamespaceSelectsNoPodsSoTheGatewayHasNoEndpoints() {
    Route route =
        MeshFixture.workshop()
            .with("cluster1", REMOTE_ENTRY)
            .with("cluster2", GATEWAY)
            .with("cluster2", LOCAL_ENTRY_IN_ISTIO_SYSTEM)
            .route("cluster1", "bookinfo", HOST);

    assertThat(route.reasons()).containsExactly(Reason.NO_ENDPOINTS);
    assertThat(route.blocked().get(0).detail()).contains("istio-system/istio-eastwestgateway");
  }

  @Test
  void withBothFixesTheGatewaySpreadsTheRequestAcrossTheServicesPods() {
    Route route = federated().route("cluster1", "bookinfo", HOST);

    assertThat(route.reachable()).as(route.toString()).isTrue();
    assertThat(route.backends()).containsExactly(REVIEWS_0, REVIEWS_1);
    assertThat(route.arrivals()).allSatisfy(a -> assertThat(a.share()).isEqualTo(0.5));
  }

  @Test
  void theLocalEntryServesTheGlobalNameInsideItsOwnClusterToo() {
    Route route = federated().route("cluster2", "bookinfo", HOST);

    assertThat(route.backends()).containsExactly(REVIEWS_0, REVIEWS_1);
    assertThat(route.reachable()).isTrue();
  }

  @Test
  void aNamespaceTheEntryIsNotExportedToDoesNotSeeTheHost() {
    assertThat(federated().route("cluster1", "web", HOST).reasons())
        .containsExactly(Reason.NOT_VISIBLE);
  }

  @Test
  void twoGatewaysOnTheSamePodsPortAndHostsConflict() {
    Route route =
        federated()
            .with("cluster2", GATEWAY.replace("meshfed-eastwest-global", "cross-network-gateway"))
            .route("cluster1", "bookinfo", HOST);

    assertThat(route.reasons()).containsExactly(Reason.GATEWAY_CONFLICT);
  }

  @Test
  void gatewaysForHostsThatDoNotOverlapDoNotConflict() {
    Route route =
        federated()
            .with(
                "cluster2",
                GATEWAY
                    .replace("meshfed-eastwest-global", "cross-network-gateway")
                    .replace("'*.global'", "'*.local'"))
            .route("cluster1", "bookinfo", HOST);

    assertThat(route.reachable()).isTrue();
  }
}
