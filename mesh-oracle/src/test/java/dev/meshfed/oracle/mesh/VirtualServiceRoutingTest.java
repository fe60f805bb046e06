package dev.meshfed.oracle.mesh;

import static dev.meshfed.oracle.mesh.FederationFindingsTest.HOST;
import static dev.meshfed.oracle.mesh.FederationFindingsTest.REVIEWS_0;
import static dev.meshfed.oracle.mesh.FederationFindingsTest.REVIEWS_1;
import static dev.meshfed.oracle.mesh.FederationFindingsTest.federated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * VirtualService HTTP routing in the client's sidecar: cluster1/bookinfo has its own reviews (one
 * v1 pod) and the federated host of cluster2's reviews (two v3 pods behind cluster2's gateway).
 */
class VirtualServiceRoutingTest {

  static final String LOCAL = "reviews.bookinfo.svc.cluster.local";
  static final String V1 = "cluster1/bookinfo/reviews-v1-0";

  static final String LOCAL_REVIEWS =
      """
      apiVersion: v1
      kind: Service
      metadata: {name: reviews, namespace: bookinfo}
      spec:
        selector: {app: reviews}
        ports: [{name: http, port: 9080, targetPort: 9080}]
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: reviews-v1, namespace: bookinfo}
      spec:
        replicas: 1
        template:
          metadata: {labels: {app: reviews, version: v1}}
          spec:
            serviceAccountName: bookinfo-reviews
            containers: [{name: reviews, ports: [{containerPort: 9080}]}]
      """;

  static MeshFixture mesh() {
    return federated().with("cluster1", LOCAL_REVIEWS);
  }

  /**
   * A VirtualService of cluster1 for {@code reviews} in {@code namespace} with these http routes.
   */
  static String virtualService(String name, String namespace, String extra, String http) {
    return """
        apiVersion: networking.istio.io/v1beta1
        kind: VirtualService
        metadata: {name: %s, namespace: %s, creationTimestamp: "2024-01-01T00:00:00Z"}
        spec:
          hosts: [reviews.bookinfo.svc.cluster.local]
        %s  http:
        %s"""
        .formatted(name, namespace, extra.indent(2), http.indent(2));
  }

  static Route route(MeshFixture mesh, Request request) {
    return mesh.oracle().route(request);
  }

  static Request fromBookinfo() {
    return Request.from("cluster1", "bookinfo", LOCAL, 9080);
  }

  private static double total(Route route) {
    return route.arrivals().stream().mapToDouble(Route.Arrival::share).sum()
        + route.blocked().stream().mapToDouble(Route.Blocked::share).sum();
  }

  @Test
  void withoutAVirtualServiceTheLocalServiceTakesEverything() {
    Route route = route(mesh(), fromBookinfo());

    assertThat(MeshFixture.shares(route)).isEqualTo(Map.of(V1, 1.0));
    assertThat(route.http().applied()).isFalse();
  }

  @Test
  void aWeightedSplitSendsItsSharesToTheLocalServiceAndThroughCluster2sGateway() {
    MeshFixture mesh =
        mesh()
            .with(
                "cluster1",
                virtualService(
                    "reviews",
                    "bookinfo",
                    "",
                    """
                    - name: split
                      route:
                      - destination: {host: reviews}
                        weight: 80
                      - destination: {host: %s}
                        weight: 20
                    """
                        .formatted(HOST)));

    Route route = route(mesh, fromBookinfo());

    assertThat(route.reachable()).as(route.toString()).isTrue();
    assertThat(MeshFixture.shares(route))
        .isEqualTo(Map.of(V1, 0.8, REVIEWS_0, 0.1, REVIEWS_1, 0.1));
    assertThat(route.http().virtualService()).isEqualTo("bookinfo/reviews");
    assertThat(route.http().routeName()).isEqualTo("split");
    assertThat(route.toString()).contains("VirtualService bookinfo/reviews split");
  }

  @Test
  void relativeWeightsShareByTheirSumAndAZeroWeightTakesNothing() {
    MeshFixture mesh =
        mesh()
            .with(
                "cluster1",
                virtualService(
                    "reviews",
                    "bookinfo",
                    "",
                    """
                    - route:
                      - {destination: {host: reviews}, weight: 1}
                      - {destination: {host: %s}, weight: 3}
                      - {destination: {host: nowhere}, weight: 0}
                    """
                        .formatted(HOST)));

    Route route = route(mesh, fromBookinfo());

    assertThat(MeshFixture.shares(route))
        .isEqualTo(Map.of(V1, 0.25, REVIEWS_0, 0.375, REVIEWS_1, 0.375));
    assertThat(route.reachable()).isTrue();
  }

  @Test
  void aSplitAcrossSubsetsReachesEachVersionThroughTheEastWestGateway() {
    String virtualService =
        """
        apiVersion: networking.istio.io/v1beta1
        kind: VirtualService
        metadata: {name: reviews-global, namespace: bookinfo}
        spec:
          hosts: [reviews.global]
          http:
          - route:
            - {destination: {host: reviews.global, subset: version-v1}, weight: 50}
            - {destination: {host: reviews.global, subset: version-v3}, weight: 50}
        """;
    MeshFixture mesh = MeshFixture.groupedFederation().with("cluster1", virtualService);

    Route route = mesh.oracle().route(GroupedFederationTest.fromCluster1());

    assertThat(route.reachable()).as(route.toString()).isTrue();
    assertThat(MeshFixture.shares(route))
        .isEqualTo(Map.of(GroupedFederationTest.V1, 0.5, GroupedFederationTest.V3, 0.5));
  }

  static final String ORDERED =
      """
      - name: canary
        match:
        - headers: {x-canary: {exact: "true"}}
          uri: {prefix: /api}
        route:
        - destination: {host: %s}
      - name: api
        match:
        - uri: {prefix: /api}
        - uri: {exact: /health}
          method: {exact: GET}
        route:
        - destination: {host: reviews}
      """
          .formatted(HOST);

  @Test
  void routesAreTriedInOrderAndTheFirstMatchWins() {
    MeshFixture mesh = mesh().with("cluster1", virtualService("reviews", "bookinfo", "", ORDERED));
    MeshOracle oracle = mesh.oracle();
    Request api = fromBookinfo().withPath("/api/books?page=2");

    Route canary = oracle.route(api.withHeader("X-Canary", "true"));
    Route plain = oracle.route(api);
    Route health = oracle.route(fromBookinfo().withPath("/health"));

    assertThat(canary.backends()).containsExactly(REVIEWS_0, REVIEWS_1);
    assertThat(canary.http().routeName()).isEqualTo("canary");
    assertThat(plain.backends()).containsExactly(V1);
    assertThat(plain.http().routeName()).isEqualTo("api");
    assertThat(health.backends()).containsExactly(V1);
  }

  @Test
  void aRequestNoRouteMatchesIsAnswered404ByTheProxy() {
    MeshFixture mesh = mesh().with("cluster1", virtualService("reviews", "bookinfo", "", ORDERED));

    Route other = route(mesh, fromBookinfo().withPath("/other"));
    Route post = route(mesh, fromBookinfo().withPath("/health").withMethod("POST"));

    assertThat(other.arrivals()).isEmpty();
    assertThat(other.reasons()).containsExactly(Reason.NO_MATCHING_ROUTE);
    assertThat(other.blockedShare(Reason.NO_MATCHING_ROUTE)).isEqualTo(1.0);
    assertThat(other.blocked().get(0).detail()).contains("404").contains("bookinfo/reviews");
    assertThat(post.reasons()).containsExactly(Reason.NO_MATCHING_ROUTE);
  }

  @Test
  void queryParametersRegexAndWithoutHeadersMatchAsEnvoyDoes() {
    String http =
        """
        - match:
          - queryParams: {tenant: {regex: "a[0-9]+"}}
            withoutHeaders: {x-debug: {exact: "1"}}
          route:
          - destination: {host: %s}
        - route:
          - destination: {host: reviews}
        """
            .formatted(HOST);
    MeshOracle oracle =
        mesh().with("cluster1", virtualService("reviews", "bookinfo", "", http)).oracle();

    assertThat(
            oracle
                .route(fromBookinfo().withPath("/?tenant=a42").withHeader("x-debug", "0"))
                .backends())
        .containsExactly(REVIEWS_0, REVIEWS_1);
    assertThat(
            oracle
                .route(
                    fromBookinfo().withQueryParameter("tenant", "a42").withHeader("x-debug", "1"))
                .backends())
        .containsExactly(V1);
    assertThat(
            oracle
                .route(fromBookinfo().withPath("/?tenant=a42x").withHeader("x-debug", "0"))
                .backends())
        .containsExactly(V1);
    assertThat(oracle.route(fromBookinfo().withPath("/?tenant=a42")).backends())
        .as("a missing header does not satisfy withoutHeaders")
        .containsExactly(V1);
  }

  @Test
  void anAbortTakesItsShareAndTheRestIsDelivered() {
    String http =
        """
        - name: flaky
          fault:
            abort: {httpStatus: 503, percentage: {value: 25}}
          route:
          - destination: {host: reviews}
        """;
    Route route =
        route(
            mesh().with("cluster1", virtualService("reviews", "bookinfo", "", http)),
            fromBookinfo());

    assertThat(route.blockedShare(Reason.ABORTED)).isCloseTo(0.25, within(1e-9));
    assertThat(route.blocked().get(0).detail()).contains("HTTP status 503");
    assertThat(MeshFixture.shares(route)).isEqualTo(Map.of(V1, 0.75));
    assertThat(total(route)).isCloseTo(1.0, within(1e-9));
  }

  @Test
  void anAbortWithoutAPercentageAbortsNothing() {
    String http =
        """
        - fault:
            abort: {httpStatus: 500}
          route:
          - destination: {host: reviews}
        """;
    Route route =
        route(
            mesh().with("cluster1", virtualService("reviews", "bookinfo", "", http)),
            fromBookinfo());

    assertThat(route.reachable()).as(route.toString()).isTrue();
  }

  @Test
  void aDelayTimeoutRetriesHeadersAndMirrorAreReportedOnTheRoute() {
    String http =
        """
        - name: slow
          fault:
            delay: {fixedDelay: 5s, percentage: {value: 50}}
          timeout: 10s
          retries: {attempts: 3, perTryTimeout: 2s, retryOn: "5xx,connect-failure"}
          headers:
            request:
              set: {x-route: slow}
              remove: [x-debug]
          mirror: {host: %s}
          mirrorPercentage: {value: 10}
          rewrite: {uri: /v2}
          route:
          - destination: {host: reviews}
        """
            .formatted(HOST);
    Route route =
        route(
            mesh().with("cluster1", virtualService("reviews", "bookinfo", "", http)),
            fromBookinfo());
    Route.Http applied = route.http();

    assertThat(route.reachable()).isTrue();
    assertThat(applied.delay()).contains(new Route.Delay("5s", 50.0));
    assertThat(applied.timeout()).contains("10s");
    assertThat(applied.retries()).contains(new Route.Retries(3, "2s", "5xx,connect-failure"));
    assertThat(applied.requestHeaders().set()).isEqualTo(Map.of("x-route", "slow"));
    assertThat(applied.requestHeaders().remove()).containsExactly("x-debug");
    assertThat(applied.mirrors()).containsExactly(new Route.Mirror(HOST, "", 0, 10.0));
    assertThat(applied.rewrite()).contains(new Route.Rewrite("/v2", ""));
    assertThat(route.toString()).contains("delay 5s for 50.0%").contains("timeout 10s");
  }

  @Test
  void aRedirectOrDirectResponseIsAnsweredByTheClientsProxy() {
    String http =
        """
        - match: [{uri: {prefix: /old}}]
          redirect: {uri: /new, authority: books.example.com, redirectCode: 302}
        - directResponse: {status: 503, body: {string: maintenance}}
        """;
    MeshOracle oracle =
        mesh().with("cluster1", virtualService("reviews", "bookinfo", "", http)).oracle();

    Route redirected = oracle.route(fromBookinfo().withPath("/old/page"));
    Route direct = oracle.route(fromBookinfo());

    assertThat(redirected.arrivals()).isEmpty();
    assertThat(redirected.reasons()).containsExactly(Reason.REDIRECTED);
    assertThat(redirected.blocked().get(0).detail())
        .isEqualTo("302 to http://books.example.com/new");
    assertThat(direct.reasons()).containsExactly(Reason.DIRECT_RESPONSE);
    assertThat(direct.blocked().get(0).detail()).startsWith("503 \"maintenance\"");
  }

  @Test
  void aDestinationTheClientNamespaceDoesNotSeeIsNoClusterOfItsProxy() {
    // cluster1's entry for the federated host is exported to bookinfo only
    String http =
        """
        - route:
          - {destination: {host: reviews.bookinfo.svc.cluster.local}, weight: 50}
          - {destination: {host: %s}, weight: 50}
        """
            .formatted(HOST);
    MeshFixture mesh = mesh().with("cluster1", virtualService("reviews", "web", "", http));

    Route fromWeb = route(mesh, Request.from("cluster1", "web", LOCAL, 9080));

    assertThat(MeshFixture.shares(fromWeb)).isEqualTo(Map.of(V1, 0.5));
    assertThat(fromWeb.reasons()).containsExactly(Reason.NO_CLUSTER);
    assertThat(fromWeb.blocked().get(0).detail())
        .contains("outbound|9080||" + HOST)
        .contains("namespace web");
    assertThat(total(fromWeb)).isCloseTo(1.0, within(1e-9));
  }

  @Test
  void aDestinationPortTheServiceLacksIsNoClusterEither() {
    String http = "- route: [{destination: {host: reviews, port: {number: 8080}}}]\n";
    Route route =
        route(
            mesh().with("cluster1", virtualService("reviews", "bookinfo", "", http)),
            fromBookinfo());

    assertThat(route.reasons()).containsExactly(Reason.NO_CLUSTER);
    assertThat(route.blocked().get(0).detail()).contains("has no port 8080");
  }

  @Test
  void theOldestVirtualServiceForAHostWinsAndTheOtherIsIgnored() {
    String toLocal = "- route: [{destination: {host: reviews}}]\n";
    String toRemote = "- route: [{destination: {host: %s}}]\n".formatted(HOST);
    String older = virtualService("b-local", "bookinfo", "", toLocal);
    String newer =
        virtualService("a-remote", "bookinfo", "", toRemote)
            .replace("2024-01-01T00:00:00Z", "2024-06-01T00:00:00Z");

    Route route = route(mesh().with("cluster1", newer).with("cluster1", older), fromBookinfo());
    assertThat(route.backends()).containsExactly(V1);
    assertThat(route.http().virtualService()).isEqualTo("bookinfo/b-local");

    String sameAge = virtualService("a-remote", "bookinfo", "", toRemote);
    Route tie = route(mesh().with("cluster1", older).with("cluster1", sameAge), fromBookinfo());
    assertThat(tie.http().virtualService())
        .as("same creation time: name, then namespace")
        .isEqualTo("bookinfo/a-remote");
  }

  @Test
  void exportToDecidesWhichNamespacesSidecarsApplyTheVirtualService() {
    String toRemote = "- route: [{destination: {host: %s}}]\n".formatted(HOST);
    MeshFixture mesh =
        mesh().with("cluster1", virtualService("reviews", "bookinfo", "exportTo: [.]\n", toRemote));

    Route inBookinfo = route(mesh, fromBookinfo());
    Route inWeb = route(mesh, Request.from("cluster1", "web", LOCAL, 9080));

    assertThat(inBookinfo.backends()).containsExactly(REVIEWS_0, REVIEWS_1);
    assertThat(inWeb.http().applied()).isFalse();
    assertThat(inWeb.backends()).containsExactly(V1);
  }

  @Test
  void oneExportedToTheNamespaceGoesBeforeAnOlderPublicOne() {
    String toLocal = "- route: [{destination: {host: reviews}}]\n";
    String toRemote = "- route: [{destination: {host: %s}}]\n".formatted(HOST);
    String olderPublic = virtualService("public", "bookinfo", "", toLocal);
    String newerPrivate =
        virtualService("private", "bookinfo", "exportTo: [.]\n", toRemote)
            .replace("2024-01-01T00:00:00Z", "2024-06-01T00:00:00Z");

    Route route =
        route(mesh().with("cluster1", olderPublic).with("cluster1", newerPrivate), fromBookinfo());

    assertThat(route.http().virtualService()).isEqualTo("bookinfo/private");
  }

  @Test
  void aVirtualServiceBoundToAGatewayOnlyIsNotAppliedBySidecars() {
    String toRemote = "- route: [{destination: {host: %s}}]\n".formatted(HOST);
    MeshFixture mesh =
        mesh()
            .with(
                "cluster1",
                virtualService(
                    "reviews", "bookinfo", "gateways: [istio-system/ingress]\n", toRemote));

    assertThat(route(mesh, fromBookinfo()).backends()).containsExactly(V1);
  }

  @Test
  void sourceLabelsAndPortAreDecidedWhenTheRoutesAreBuilt() {
    String http =
        """
        - match:
          - sourceLabels: {app: productpage}
            port: 9080
          route:
          - destination: {host: %s}
        """
            .formatted(HOST);
    MeshFixture mesh = mesh().with("cluster1", virtualService("reviews", "bookinfo", "", http));

    Route unlabelled = route(mesh, fromBookinfo());
    Route productpage =
        route(mesh, fromBookinfo().withSourceLabels(Map.of("app", "productpage", "version", "v1")));

    assertThat(unlabelled.http().applied())
        .as("no route is left, so the VirtualService builds no virtual host: the default route")
        .isFalse();
    assertThat(unlabelled.backends()).containsExactly(V1);
    assertThat(productpage.backends()).containsExactly(REVIEWS_0, REVIEWS_1);
  }

  @Test
  void aRequestAlreadySentToASubsetIsNotRoutedAgain() {
    String toRemote = "- route: [{destination: {host: %s}}]\n".formatted(HOST);
    MeshFixture mesh = mesh().with("cluster1", virtualService("reviews", "bookinfo", "", toRemote));

    assertThat(route(mesh, fromBookinfo().toSubset("v1")).http()).isEqualTo(Route.Http.NONE);
    assertThat(Optional.of(route(mesh, fromBookinfo()).http().virtualService()))
        .contains("bookinfo/reviews");
  }
}
