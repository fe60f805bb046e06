package dev.meshfed.oracle.mesh;

import static dev.meshfed.oracle.mesh.FederationFindingsTest.HOST;
import static dev.meshfed.oracle.mesh.FederationFindingsTest.REVIEWS_0;
import static dev.meshfed.oracle.mesh.FederationFindingsTest.REVIEWS_1;
import static dev.meshfed.oracle.mesh.FederationFindingsTest.federated;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The oracle's rules one at a time, on the workshop mesh with reviews federated into cluster1. */
class MeshOracleRulesTest {

  private static final String ISTIOD_1_11 =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: istiod, namespace: istio-system, labels: {app: istiod}}
      spec:
        template:
          spec:
            containers:
            - name: discovery
              image: docker.io/istio/pilot:1.11.7
      """;

  /** The istio ConfigMap of istio-system with {@code mesh} as its mesh config (flow YAML). */
  private static String meshConfig(String mesh) {
    return """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: istio, namespace: istio-system}
        data:
          mesh: "%s"
        """
        .formatted(mesh);
  }

  @Test
  void withoutDnsCaptureTheGlobalHostDoesNotResolve() {
    Route route =
        federated().without("cluster1", "ConfigMap", "istio").route("cluster1", "bookinfo", HOST);

    assertThat(route.reasons()).containsExactly(Reason.UNRESOLVABLE);
    assertThat(route.blocked().get(0).detail()).contains("ISTIO_META_DNS_CAPTURE");
  }

  @Test
  void withoutAutoAllocationAnEntryNeedsAddressesToResolve() {
    MeshFixture fixture =
        federated()
            .without("cluster1", "ConfigMap", "istio")
            .with(
                "cluster1",
                meshConfig(
                    "{trustDomain: cluster1, defaultConfig: {proxyMetadata: {ISTIO_META_DNS_CAPTURE: 'true'}}}"));
    assertThat(fixture.route("cluster1", "bookinfo", HOST).reasons())
        .containsExactly(Reason.UNRESOLVABLE);

    fixture
        .without("cluster1", "ServiceEntry", "reviews-bookinfo-svc-cluster2-global")
        .with(
            "cluster1",
            FederationFindingsTest.REMOTE_ENTRY.replace(
                "location: MESH_INTERNAL", "location: MESH_INTERNAL\n  addresses: [240.0.0.7]"));
    assertThat(fixture.route("cluster1", "bookinfo", HOST).reachable()).isTrue();
  }

  @Test
  void theServerRejectsAForeignTrustDomainUnlessItSkipsTheCheckOrAliasesIt() {
    MeshFixture strict = federated().without("cluster2", "Deployment", "istiod");
    strict.with("cluster2", ISTIOD_1_11.replace("1.11.7", "1.24.2"));
    assertThat(strict.route("cluster1", "bookinfo", HOST).reasons())
        .containsExactly(Reason.TRUST_DOMAIN_REJECTED);

    strict
        .without("cluster2", "ConfigMap", "istio")
        .with("cluster2", meshConfig("{trustDomain: cluster2, trustDomainAliases: [cluster1]}"));
    assertThat(strict.route("cluster1", "bookinfo", HOST).backends())
        .containsExactly(REVIEWS_0, REVIEWS_1);
  }

  @Test
  void aSidecarImportsHostsByTheNamespaceTheyAreDeclaredIn() {
    String sidecar =
        """
        apiVersion: networking.istio.io/v1beta1
        kind: Sidecar
        metadata: {name: default, namespace: bookinfo}
        spec:
          egress:
          - hosts: [./*, HOSTS]
        """;
    assertThat(
            federated()
                .with("cluster1", sidecar.replace("HOSTS", "bookinfo/*.global"))
                .route("cluster1", "bookinfo", HOST)
                .reasons())
        .containsExactly(Reason.NOT_VISIBLE);
    assertThat(
            federated()
                .with("cluster1", sidecar.replace("HOSTS", "istio-system/*.global"))
                .route("cluster1", "bookinfo", HOST)
                .reachable())
        .isTrue();
  }

  /** An ALLOW policy on reviews in cluster2's bookinfo admitting one principal. */
  private static String allowOnReviews(String principal) {
    return """
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata: {name: isolation, namespace: bookinfo}
        spec:
          selector: {matchLabels: {app: reviews}}
          action: ALLOW
          rules:
          - from:
            - source: {principals: [%s]}
        """
        .formatted(principal);
  }

  @Test
  void anAllowPolicyDeniesEveryoneItDoesNotList() {
    MeshFixture fixture = federated().with("cluster2", allowOnReviews("cluster1/ns/bookinfo/sa/*"));
    assertThat(fixture.route("cluster1", "bookinfo", HOST).reachable()).isTrue();
    Route local = fixture.route("cluster2", "bookinfo", HOST);
    assertThat(local.reasons())
        .as("cluster2's own bookinfo is not listed")
        .containsExactly(Reason.DENIED);
  }

  @Test
  void anAllowRuleWithMethodsAndPathsAdmitsOnlyRequestsWithThem() {
    MeshFixture fixture =
        federated()
            .with(
                "cluster2",
                """
                apiVersion: security.istio.io/v1
                kind: AuthorizationPolicy
                metadata: {name: reads, namespace: bookinfo}
                spec:
                  selector: {matchLabels: {app: reviews}}
                  action: ALLOW
                  rules:
                  - to:
                    - operation: {methods: [GET], paths: [/reviews/*], notPaths: [/reviews/admin]}
                """);
    Request get = Request.from("cluster1", "bookinfo", HOST, 9080).withPath("/reviews/1?x=2");

    assertThat(fixture.oracle().route(get).reachable()).isTrue();
    assertThat(fixture.oracle().route(get.withMethod("POST")).reasons())
        .containsExactly(Reason.DENIED);
    assertThat(fixture.oracle().route(get.withPath("/ratings/1")).reasons())
        .containsExactly(Reason.DENIED);
    assertThat(fixture.oracle().route(get.withPath("/reviews/admin")).reasons())
        .containsExactly(Reason.DENIED);
  }

  @Test
  void aPrincipalInTheDefaultTrustDomainIsRewrittenToTheServersOwn() {
    MeshFixture fixture =
        federated()
            .without("cluster1", "ConfigMap", "istio")
            .with(
                "cluster1",
                meshConfig(
                    "{defaultConfig: {proxyMetadata: {ISTIO_META_DNS_CAPTURE: 'true',"
                        + " ISTIO_META_DNS_AUTO_ALLOCATE: 'true'}}}"))
            .with("cluster2", allowOnReviews("cluster.local/ns/bookinfo/sa/*"));

    Route route = fixture.route("cluster1", "bookinfo", HOST);

    assertThat(route.reasons())
        .as("cluster.local/... means cluster2/... in cluster2: cluster1's callers are not it")
        .containsExactly(Reason.DENIED);
  }

  @Test
  void aGatewayDropsEndpointsWhosePeerAuthenticationDisablesMtls() {
    Route route =
        federated()
            .with(
                "cluster2",
                """
                apiVersion: security.istio.io/v1
                kind: PeerAuthentication
                metadata: {name: default, namespace: bookinfo}
                spec:
                  mtls: {mode: DISABLE}
                """)
            .route("cluster1", "bookinfo", HOST);

    assertThat(route.reasons()).containsExactly(Reason.NO_ENDPOINTS);
  }

  @Test
  void fromIstio120AnEndpointWithoutTlsModeIsNotMtlsEnabledEvenUnderIstioMutual() {
    Endpoint unlabelled = new Endpoint(Optional.empty(), "10.0.0.1", 9080, Map.of(), "", "", "");
    TrafficPolicies.Tls istioMutual =
        new TrafficPolicies.Tls(Optional.of("ISTIO_MUTUAL"), Optional.empty());

    assertThat(MtlsChecker.enabled(unlabelled, istioMutual, "PERMISSIVE", new IstioVersion(1, 19)))
        .isTrue();
    assertThat(MtlsChecker.enabled(unlabelled, istioMutual, "PERMISSIVE", new IstioVersion(1, 20)))
        .isFalse();
  }

  @Test
  void envoyKeepsOneHostPerAddressButIstiosGatewayStandInsAreWeightsNotDuplicates() {
    Endpoint entry = new Endpoint(Optional.empty(), "172.18.0.10", 15443, Map.of(), "", "", "");
    List<NetworkFilter.Weighted> twoEntries =
        List.of(
            new NetworkFilter.Weighted(entry, 1.0, false),
            new NetworkFilter.Weighted(entry, 1.0, false));
    List<NetworkFilter.Weighted> twoRemotePods =
        List.of(
            new NetworkFilter.Weighted(entry, 1.0, true),
            new NetworkFilter.Weighted(entry, 1.0, true));

    assertThat(EnvoyHosts.of(twoEntries)).hasSize(1);
    assertThat(EnvoyHosts.of(twoRemotePods)).hasSize(2);
  }

  @Test
  void aSidecarCallsAKubernetesServiceOfItsOwnClusterDirectly() {
    Route route =
        federated()
            .oracle()
            .route(Request.from("cluster2", "web", "reviews.bookinfo.svc.cluster.local", 9080));

    assertThat(route.backends()).containsExactly(REVIEWS_0, REVIEWS_1);
    assertThat(route.reachable()).isTrue();
  }

  @Test
  void aDeploymentScaledToZeroLeavesItsServiceWithoutPodsRatherThanAModelledOne() {
    MeshFixture fixture = federated().scale("cluster2", "reviews-v3", 0);

    assertThat(fixture.oracle().podsOf("cluster2", "bookinfo", "reviews")).isEmpty();
    assertThat(
            fixture
                .oracle()
                .route(Request.from("cluster2", "web", "reviews.bookinfo.svc.cluster.local", 9080))
                .reasons())
        .containsExactly(Reason.NO_ENDPOINTS);
  }

  @Test
  void aServiceWithoutDeclaredWorkloadsGetsOneModelledInjectedPod() {
    MeshOracle oracle = federated().oracle();

    assertThat(oracle.podsOf("cluster1", "bookinfo", "productpage"))
        .containsExactly("cluster1/bookinfo/productpage-modelled");
    assertThat(oracle.namespaces("cluster1")).containsExactly("bookinfo", "istio-system", "web");
  }
}
