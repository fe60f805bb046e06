package dev.meshfed.oracle.mesh;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Requests made to IP addresses (and to the host meshfed gives) of ExternalServices known by
 * addresses, from cluster1's bookinfo of the workshop mesh: the ServiceEntries and DestinationRule
 * are those of translation-core's golden case external-addresses.
 */
class ExternalAddressesTest {

  /** Resolution NONE: a single address and a CIDR block on TCP 5432. */
  static final String LEGACY_DB =
      """
      apiVersion: networking.istio.io/v1beta1
      kind: ServiceEntry
      metadata: {name: es-legacy-db-bookinfo, namespace: istio-system}
      spec:
        hosts: [legacy-db.bookinfo.external]
        addresses: [192.0.2.10, 198.51.100.0/24]
        location: MESH_EXTERNAL
        ports: [{number: 5432, name: tcp-db, protocol: TCP}]
        exportTo: [bookinfo]
        resolution: NONE
      """;

  /** One IPv6 address as its STATIC endpoint, HTTP 80 mapped to 443, TLS originated there. */
  static final String LEDGER =
      """
      apiVersion: networking.istio.io/v1beta1
      kind: ServiceEntry
      metadata: {name: es-ledger-bookinfo, namespace: istio-system}
      spec:
        hosts: [ledger.bookinfo.external]
        addresses: ["2001:db8::10"]
        location: MESH_EXTERNAL
        ports: [{number: 80, name: http, protocol: HTTP}]
        exportTo: [bookinfo]
        resolution: STATIC
        endpoints:
        - {address: "2001:db8::10", ports: {http: 443}}
      ---
      apiVersion: networking.istio.io/v1beta1
      kind: DestinationRule
      metadata: {name: es-ledger-bookinfo-external, namespace: istio-system}
      spec:
        host: ledger.bookinfo.external
        exportTo: [bookinfo]
        trafficPolicy:
          portLevelSettings:
          - port: {number: 80}
            tls: {mode: SIMPLE, sni: ledger.partner.example}
      """;

  /** A CIDR block backed by one ExternalEndpoint (STATIC). */
  static final String PARTNER =
      """
      apiVersion: networking.istio.io/v1beta1
      kind: ServiceEntry
      metadata: {name: es-partner-bookinfo, namespace: istio-system}
      spec:
        hosts: [partner.bookinfo.external]
        addresses: [203.0.113.0/28]
        location: MESH_EXTERNAL
        ports: [{number: 443, name: tls, protocol: TLS}]
        exportTo: [bookinfo]
        resolution: STATIC
        endpoints:
        - {address: 203.0.113.5, ports: {tls: 8443}}
      """;

  static MeshFixture mesh(String... objects) {
    MeshFixture mesh = MeshFixture.workshop();
    for (String object : objects) {
      mesh.with("cluster1", object);
    }
    return mesh;
  }

  static Route route(MeshFixture mesh, String namespace, String host, int port) {
    return mesh.oracle().route(Request.from("cluster1", namespace, host, port));
  }

  @Test
  void aConnectionIntoABlockOfResolutionNoneLeavesForTheAddressItWasMadeTo() {
    MeshFixture mesh = mesh(LEGACY_DB);

    assertThat(route(mesh, "bookinfo", "198.51.100.77", 5432).egress())
        .containsExactly(new Route.Egress("198.51.100.77", 5432, Route.EgressTls.NONE, "", 1.0));
    assertThat(route(mesh, "bookinfo", "192.0.2.10", 5432).egress())
        .containsExactly(new Route.Egress("192.0.2.10", 5432, Route.EgressTls.NONE, "", 1.0));
  }

  @Test
  void theEntrysOwnHostGoesToItsFirstSingleAddressWhichTheProxysDnsAnswers() {
    Route route = route(mesh(LEGACY_DB), "bookinfo", "legacy-db.bookinfo.external", 5432);

    assertThat(route.reachable()).as(route.toString()).isTrue();
    assertThat(route.egress())
        .containsExactly(new Route.Egress("192.0.2.10", 5432, Route.EgressTls.NONE, "", 1.0));
  }

  @Test
  void anAddressOutsideEveryBlockOrOnAnotherPortIsNoEntrys() {
    MeshFixture mesh = mesh(LEGACY_DB);

    assertThat(route(mesh, "bookinfo", "198.51.101.1", 5432).reasons())
        .containsExactly(Reason.UNKNOWN_HOST);
    assertThat(route(mesh, "bookinfo", "198.51.100.77", 5433).reasons())
        .containsExactly(Reason.UNKNOWN_HOST);
  }

  @Test
  void theAddressesAreVisibleOnlyWhereTheEntryIsExported() {
    assertThat(route(mesh(LEGACY_DB), "web", "198.51.100.77", 5432).reasons())
        .containsExactly(Reason.NOT_VISIBLE);
  }

  @Test
  void plaintextHttpToASingleAddressLeavesWithTlsOriginatedToItsTargetPort() {
    Route route = route(mesh(LEDGER), "bookinfo", "2001:db8::10", 80);

    assertThat(route.reachable()).as(route.toString()).isTrue();
    assertThat(route.egress())
        .containsExactly(
            new Route.Egress(
                "2001:db8::10", 443, Route.EgressTls.ORIGINATED, "ledger.partner.example", 1.0));
  }

  @Test
  void anHttpRequestIntoABlockIsNotTheEntrysItsHostHeaderBeingNoDomainOfIt() {
    String ledgerByBlock =
        LEDGER.replace("addresses: [\"2001:db8::10\"]", "addresses: [\"2001:db8::/64\"]");

    assertThat(route(mesh(ledgerByBlock), "bookinfo", "2001:db8::10", 80).reasons())
        .containsExactly(Reason.UNKNOWN_HOST);
  }

  @Test
  void aBlockWithEndpointsSendsEveryConnectionToThemNotToTheAddressDialled() {
    Route route = route(mesh(PARTNER), "bookinfo", "203.0.113.9", 443);

    assertThat(route.egress())
        .containsExactly(new Route.Egress("203.0.113.5", 8443, Route.EgressTls.NONE, "", 1.0));
  }

  @Test
  void theLongestPrefixTakesAnAddressTwoEntriesHold() {
    String wide =
        LEGACY_DB
            .replace("es-legacy-db-bookinfo", "es-wide-bookinfo")
            .replace("legacy-db.bookinfo.external", "wide.bookinfo.external")
            .replace("[192.0.2.10, 198.51.100.0/24]", "[198.51.0.0/16]")
            .replace(
                "resolution: NONE", "resolution: STATIC\n  endpoints: [{address: 203.0.113.99}]");

    assertThat(route(mesh(wide, LEGACY_DB), "bookinfo", "198.51.100.77", 5432).egress())
        .extracting(Route.Egress::address)
        .containsExactly("198.51.100.77");
    assertThat(route(mesh(wide, LEGACY_DB), "bookinfo", "198.51.7.7", 5432).egress())
        .extracting(Route.Egress::address)
        .containsExactly("203.0.113.99");
  }
}
