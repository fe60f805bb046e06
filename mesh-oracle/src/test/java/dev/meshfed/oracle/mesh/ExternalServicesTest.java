package dev.meshfed.oracle.mesh;

import static dev.meshfed.oracle.mesh.VirtualServiceRoutingTest.LOCAL;
import static dev.meshfed.oracle.mesh.VirtualServiceRoutingTest.V1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Requests for services outside the mesh (MESH_EXTERNAL ServiceEntries) from cluster1's bookinfo,
 * on the workshop mesh with cluster1's own reviews: they leave the mesh, with the TLS the
 * DestinationRule asks of the client's proxy.
 */
class ExternalServicesTest {

  static final String HTTPBIN = "httpbin.org";

  static final String ISTIO_TLS = "labels: {security.istio.io/tlsMode: istio}";

  /** httpbin.org resolved by DNS from its own name, on port 80 (HTTP). */
  static final String BY_DNS =
      """
      apiVersion: networking.istio.io/v1beta1
      kind: ServiceEntry
      metadata: {name: httpbin, namespace: bookinfo}
      spec:
        hosts: [httpbin.org]
        location: MESH_EXTERNAL
        resolution: DNS
        ports: [{number: 80, name: http, protocol: HTTP}]
      """;

  /** db.example.com at two static addresses outside every cluster, on port 5432 (TCP). */
  static final String STATIC =
      """
      apiVersion: networking.istio.io/v1beta1
      kind: ServiceEntry
      metadata: {name: db, namespace: bookinfo}
      spec:
        hosts: [db.example.com]
        location: MESH_EXTERNAL
        resolution: STATIC
        ports: [{number: 5432, name: tcp-db, protocol: TCP}]
        endpoints:
        - {address: 203.0.113.7, ports: {tcp-db: 6432}}
        - {address: 203.0.113.8}
      """;

  /** A DestinationRule on httpbin.org with this TLS on port 80. */
  static String tlsOnPort80(String tls) {
    return """
        apiVersion: networking.istio.io/v1beta1
        kind: DestinationRule
        metadata: {name: httpbin, namespace: bookinfo}
        spec:
          host: httpbin.org
          trafficPolicy:
            portLevelSettings:
            - port: {number: 80}
              tls: %s
        """
        .formatted(tls);
  }

  static MeshFixture mesh(String... objects) {
    MeshFixture mesh =
        MeshFixture.workshop().with("cluster1", VirtualServiceRoutingTest.LOCAL_REVIEWS);
    for (String object : objects) {
      mesh.with("cluster1", object);
    }
    return mesh;
  }

  static Route route(MeshFixture mesh, String host, int port) {
    return mesh.oracle().route(Request.from("cluster1", "bookinfo", host, port));
  }

  private static double total(Route route) {
    return route.arrivals().stream().mapToDouble(Route.Arrival::share).sum()
        + route.blocked().stream().mapToDouble(Route.Blocked::share).sum()
        + route.egressShare();
  }

  @Test
  void anEntryResolvedByDnsWithoutEndpointsSendsEverythingToItsHost() {
    Route route = route(mesh(BY_DNS), HTTPBIN, 80);

    assertThat(route.reachable()).as(route.toString()).isTrue();
    assertThat(route.reachesOnlyPods()).isFalse();
    assertThat(route.arrivals()).isEmpty();
    assertThat(route.egress())
        .containsExactly(new Route.Egress(HTTPBIN, 80, Route.EgressTls.NONE, "", 1.0));
  }

  @Test
  void theHostAsEndpointTakesThePortsTargetPort() {
    Route route =
        route(
            mesh(BY_DNS.replace("protocol: HTTP}", "protocol: HTTP, targetPort: 8080}")),
            HTTPBIN,
            80);

    assertThat(route.egress()).extracting(Route.Egress::port).containsExactly(8080);
  }

  @Test
  void staticEndpointsShareTheRequestAtTheirNamedPortElseTheServicePort() {
    Route route = route(mesh(STATIC), "db.example.com", 5432);

    assertThat(route.reachable()).as(route.toString()).isTrue();
    assertThat(route.egress())
        .containsExactly(
            new Route.Egress("203.0.113.7", 6432, Route.EgressTls.NONE, "", 0.5),
            new Route.Egress("203.0.113.8", 5432, Route.EgressTls.NONE, "", 0.5));
  }

  @Test
  void aDestinationRuleWithSimpleTlsHasTheProxyOriginateTlsWithItsSni() {
    Route route =
        route(
            mesh(
                BY_DNS.replace("protocol: HTTP}", "protocol: HTTP, targetPort: 443}"),
                tlsOnPort80("{mode: SIMPLE, sni: httpbin.org}")),
            HTTPBIN,
            80);

    assertThat(route.egress())
        .containsExactly(new Route.Egress(HTTPBIN, 443, Route.EgressTls.ORIGINATED, HTTPBIN, 1.0));
    assertThat(route.toString()).contains("TLS originated, SNI httpbin.org");
  }

  @Test
  void istioMtlsToAnExternalEndpointFailsItsHandshake() {
    Route route = route(mesh(BY_DNS, tlsOnPort80("{mode: ISTIO_MUTUAL}")), HTTPBIN, 80);

    assertThat(route.reasons()).containsExactly(Reason.ISTIO_MTLS_TO_EXTERNAL);
    assertThat(route.egress()).isEmpty();
  }

  @Test
  void aVirtualServiceSplitsBetweenAnInMeshServiceAndAnExternalOne() {
    String split =
        VirtualServiceRoutingTest.virtualService(
            "reviews",
            "bookinfo",
            "",
            """
            - name: out
              route:
              - {destination: {host: reviews}, weight: 70}
              - {destination: {host: httpbin.org, port: {number: 80}}, weight: 30}
            """);
    Route route =
        mesh(BY_DNS, tlsOnPort80("{mode: SIMPLE, sni: httpbin.org}"), split)
            .oracle()
            .route(Request.from("cluster1", "bookinfo", LOCAL, 9080));

    assertThat(route.reachable()).as(route.toString()).isTrue();
    assertThat(route.reachesOnlyPods()).isFalse();
    assertThat(MeshFixture.shares(route)).isEqualTo(Map.of(V1, 0.7));
    assertThat(route.egress())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.address()).isEqualTo(HTTPBIN);
              assertThat(e.tls()).isEqualTo(Route.EgressTls.ORIGINATED);
              assertThat(e.share()).isCloseTo(0.3, within(1e-9));
            });
    assertThat(total(route)).isCloseTo(1.0, within(1e-9));
    assertThat(route.http().routeName()).isEqualTo("out");
  }

  @Test
  void anExternalHostNotExportedToTheCallerIsNeitherVisibleNorAClusterOfItsRoutes() {
    MeshFixture mesh =
        mesh(
            BY_DNS.replace("resolution: DNS", "resolution: DNS\n  exportTo: [web]"),
            VirtualServiceRoutingTest.virtualService(
                "reviews",
                "bookinfo",
                "",
                "- route: [{destination: {host: httpbin.org, port: {number: 80}}}]"));

    assertThat(route(mesh, HTTPBIN, 80).reasons()).containsExactly(Reason.NOT_VISIBLE);
    assertThat(mesh.oracle().route(Request.from("cluster1", "web", HTTPBIN, 80)).egress())
        .hasSize(1);
    assertThat(route(mesh, LOCAL, 9080).reasons()).containsExactly(Reason.NO_CLUSTER);
  }

  @Test
  void aMeshInternalEntrySendingIstioMtlsToAnUnknownAddressStaysUnreachable() {
    String labelled =
        STATIC
            .replace("MESH_EXTERNAL", "MESH_INTERNAL")
            .replace("ports: {tcp-db: 6432}}", "ports: {tcp-db: 6432}, " + ISTIO_TLS + "}")
            .replace("address: 203.0.113.8}", "address: 203.0.113.8, " + ISTIO_TLS + "}");
    Route route = route(mesh(labelled), "db.example.com", 5432);

    assertThat(route.reasons()).containsExactly(Reason.UNREACHABLE_ADDRESS);
    assertThat(route.egress()).isEmpty();
  }

  /** Location decides only auto mTLS: a plaintext connection to an unknown address goes out. */
  @Test
  void aMeshInternalEntrysPlaintextEndpointOutsideEveryClusterLeavesTheMesh() {
    Route route =
        route(mesh(STATIC.replace("MESH_EXTERNAL", "MESH_INTERNAL")), "db.example.com", 5432);

    assertThat(route.egress())
        .containsExactly(
            new Route.Egress("203.0.113.7", 6432, Route.EgressTls.NONE, "", 0.5),
            new Route.Egress("203.0.113.8", 5432, Route.EgressTls.NONE, "", 0.5));
  }

  @Test
  void anExternalEntryAtAClustersOwnAddressDoesNotLeaveTheMesh() {
    Route route = route(mesh(STATIC.replace("203.0.113.8", "172.18.2.10")), "db.example.com", 5432);

    assertThat(route.egress()).extracting(Route.Egress::address).containsExactly("203.0.113.7");
    assertThat(route.blockedShare(Reason.UNREACHABLE_ADDRESS)).isCloseTo(0.5, within(1e-9));
  }

  @Test
  void autoMtlsNeverAppliesToAMeshExternalService() {
    Route route =
        FederationFindingsTest.federated()
            .without("cluster1", "ServiceEntry", "reviews-bookinfo-svc-cluster2-global")
            .with(
                "cluster1",
                FederationFindingsTest.REMOTE_ENTRY.replace("MESH_INTERNAL", "MESH_EXTERNAL"))
            .route("cluster1", "bookinfo", FederationFindingsTest.HOST);

    assertThat(route.reasons()).containsExactly(Reason.PLAINTEXT_AT_GATEWAY);
  }

  @Test
  void autoAllocationGivesNoAddressToResolutionNoneOrAWildcardHost() {
    String none =
        BY_DNS.replace("resolution: DNS", "resolution: NONE").replace("httpbin.org]", "a.example]");
    assertThat(route(mesh(none), "a.example", 80).reasons()).containsExactly(Reason.UNRESOLVABLE);
    String cidr =
        none.replace("resolution: NONE", "resolution: NONE\n  addresses: [198.51.100.0/24]");
    assertThat(route(mesh(cidr), "a.example", 80).reasons()).containsExactly(Reason.UNRESOLVABLE);
    List<String> details =
        route(mesh(BY_DNS.replace("[httpbin.org]", "['*.example']")), "*.example", 80)
            .blocked()
            .stream()
            .map(Route.Blocked::detail)
            .toList();
    assertThat(details).singleElement().asString().contains("wildcard");
  }
}
