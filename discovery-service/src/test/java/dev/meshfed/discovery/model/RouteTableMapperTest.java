package dev.meshfed.discovery.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.schema.DiscoveredKinds;
import dev.meshfed.schema.discovery.DirectResponse;
import dev.meshfed.schema.discovery.ForwardTo;
import dev.meshfed.schema.discovery.HttpMatcher;
import dev.meshfed.schema.discovery.HttpRoute;
import dev.meshfed.schema.discovery.ObjectSelector;
import dev.meshfed.schema.discovery.Redirect;
import dev.meshfed.schema.discovery.RouteDestination;
import dev.meshfed.schema.discovery.RouteTableState;
import dev.meshfed.schema.discovery.StringMatch;
import dev.meshfed.schema.discovery.ValueMatcher;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteTableMapperTest {

  private static final ObjectSelector ALL = new ObjectSelector(null, null, null, null, Map.of());

  /** A route table as Gloo Mesh's docs write one, with every field meshfed reads. */
  private static final Map<String, Object> REVIEWS =
      Map.of(
          "hosts",
          List.of("reviews.bookinfo.svc.cluster.local"),
          "workloadSelectors",
          List.of(
              Map.of(
                  "selector",
                  Map.of(
                      "name", "productpage",
                      "namespace", "bookinfo",
                      "cluster", "cluster1",
                      "workspace", "bookinfo",
                      "labels", Map.of("app", "productpage")),
                  "kind",
                  "KUBE"),
              Map.of()),
          "virtualGateways",
          List.of(
              Map.of("name", "north-south-gw", "namespace", "istio-gateways", "cluster", "mgmt")),
          "defaultDestination",
          Map.of("ref", Map.of("name", "reviews", "namespace", "bookinfo"), "port", Map.of()),
          "http",
          List.of(
              Map.of(
                  "name", "reviews-v2",
                  "labels", Map.of("route", "reviews"),
                  "matchers",
                      List.of(
                          Map.of(
                              "uri", Map.of("prefix", "/reviews", "ignoreCase", true),
                              "headers",
                                  List.of(
                                      Map.of("name", "end-user", "value", "jason"),
                                      Map.of("name", "x-debug", "invertMatch", true)),
                              "queryParameters",
                                  List.of(Map.of("name", "v", "value", "v[23]", "regex", true)),
                              "method", "GET")),
                  "forwardTo",
                      Map.of(
                          "pathRewrite", "/",
                          "hostRewrite", "reviews.internal",
                          "destinations",
                              List.of(
                                  Map.of(
                                      "ref",
                                      Map.of(
                                          "name", "reviews",
                                          "namespace", "bookinfo",
                                          "cluster", "cluster2"),
                                      "kind",
                                      "SERVICE",
                                      "port",
                                      Map.of("name", "http"),
                                      "subset",
                                      Map.of("version", "v2"),
                                      "weight",
                                      80),
                                  Map.of(
                                      "ref",
                                      Map.of("name", "reviews"),
                                      "kind",
                                      "VIRTUAL_DESTINATION",
                                      "port",
                                      Map.of("number", 9080),
                                      "weight",
                                      20)))),
              Map.of(
                  "name", "legacy",
                  "matchers", List.of(Map.of("uri", Map.of("exact", "/old"))),
                  "redirect",
                      Map.of(
                          "hostRedirect", "new.example.com",
                          "pathRedirect", "/new",
                          "responseCode", "PERMANENT_REDIRECT")),
              Map.of(
                  "matchers", List.of(Map.of("uri", Map.of("regex", "/tea.*"))),
                  "directResponse", Map.of("status", 418, "body", "I'm a teapot"))),
          "weight",
          100);

  private static final RouteTableState REVIEWS_STATE =
      new RouteTableState(
          List.of("reviews.bookinfo.svc.cluster.local"),
          List.of(
              new ObjectSelector(
                  "productpage", "bookinfo", "cluster1", "bookinfo", Map.of("app", "productpage")),
              ALL),
          List.of(new ObjectSelector("north-south-gw", "istio-gateways", "mgmt", null, Map.of())),
          new RouteDestination(
              new ObjectSelector("reviews", "bookinfo", null, null, Map.of()),
              "SERVICE",
              null,
              null,
              Map.of(),
              null),
          List.of(
              new HttpRoute(
                  "reviews-v2",
                  Map.of("route", "reviews"),
                  List.of(
                      new HttpMatcher(
                          new StringMatch("PREFIX", "/reviews", true),
                          List.of(
                              new ValueMatcher("end-user", "jason", false, false),
                              new ValueMatcher("x-debug", null, false, true)),
                          List.of(new ValueMatcher("v", "v[23]", true, false)),
                          "GET")),
                  new ForwardTo(
                      List.of(
                          new RouteDestination(
                              new ObjectSelector("reviews", "bookinfo", "cluster2", null, Map.of()),
                              "SERVICE",
                              null,
                              "http",
                              Map.of("version", "v2"),
                              80),
                          new RouteDestination(
                              new ObjectSelector("reviews", null, null, null, Map.of()),
                              "VIRTUAL_DESTINATION",
                              9080,
                              null,
                              Map.of(),
                              20)),
                      "/",
                      "reviews.internal"),
                  null,
                  null),
              new HttpRoute(
                  "legacy",
                  Map.of(),
                  List.of(matcher(new StringMatch("EXACT", "/old", false))),
                  null,
                  new Redirect("new.example.com", "/new", "PERMANENT_REDIRECT"),
                  null),
              new HttpRoute(
                  null,
                  Map.of(),
                  List.of(matcher(new StringMatch("REGEX", "/tea.*", false))),
                  null,
                  null,
                  new DirectResponse(418, "I'm a teapot"))),
          100);

  private static final RouteTableState EMPTY =
      new RouteTableState(List.of(), List.of(), List.of(), null, List.of(), null);

  @Test
  void readsMeshfedsRouteTable() {
    Mapping mapping = RouteTableMapper.map(routeTable(REVIEWS));

    ReadWhole.assertPublished(
        mapping,
        Keys.of(DiscoveredKinds.ROUTE_TABLE, "gloo-mesh", "reviews"),
        "meshfed.dev/v1alpha1",
        REVIEWS_STATE);
  }

  @Test
  void readsGloosRouteTableTheSameUnderAKindOfItsOwn() {
    var gloo = routeTable(REVIEWS).toBuilder().withApiVersion("networking.gloo.solo.io/v2").build();

    Mapping mapping = DiscoveryMapper.map(Source.GLOO_ROUTE_TABLES, gloo);

    ReadWhole.assertPublished(
        mapping,
        Keys.of(DiscoveredKinds.GLOO_ROUTE_TABLE, "gloo-mesh", "reviews"),
        "networking.gloo.solo.io/v2",
        REVIEWS_STATE);
  }

  @Test
  void withoutFieldsItsListsAreEmptyAndTheRestNull() {
    for (Object spec : List.of(Map.of(), Map.of("http", List.of(Map.of())))) {
      Mapping mapping = DiscoveryMapper.map(Source.ROUTE_TABLES, routeTable(spec));

      assertThat(mapping.problems()).isEmpty();
    }
    assertThat(state(RouteTableMapper.map(routeTable(Map.of())))).isEqualTo(EMPTY);
    assertThat(state(RouteTableMapper.map(routeTable(null)))).isEqualTo(EMPTY);
    assertThat(state(RouteTableMapper.map(routeTable(Map.of("http", List.of(Map.of()))))).getHttp())
        .containsExactly(new HttpRoute(null, Map.of(), List.of(), null, null, null));
  }

  @Test
  void whatMeshfedCannotRepresentIsAProblemNamingItsPathAndTheRestIsRead() {
    var spec =
        Map.of(
            "hosts",
            List.of("reviews.global"),
            "workloadSelectors",
            List.of(
                Map.of("kind", "VM", "selector", Map.of("labels", Map.of("app", "legacy"))),
                Map.of("selector", Map.of("namespace", "bookinfo"), "port", Map.of("number", 80)),
                Map.of("selector", Map.of("namespace", "bookinfo"))),
            "http",
            List.of(
                Map.of(
                    "name",
                    "to-reviews",
                    "forwardTo",
                    Map.of(
                        "destinations", List.of(Map.of("ref", Map.of("name", "reviews"))),
                        "regexRewrite", Map.of("pattern", "/a"))),
                Map.of(
                    "name",
                    "matched",
                    "matchers",
                    List.of(
                        Map.of("uri", Map.of("exact", "/a", "prefix", "/")),
                        Map.of("port", 8080),
                        Map.of(
                            "queryParameters", List.of(Map.of("name", "v", "invertMatch", true))),
                        Map.of("method", "POST"))),
                Map.of("name", "delegated", "delegate", Map.of("routeTables", List.of())),
                Map.of("name", "graph", "graphql", Map.of("schema", Map.of()))),
            "tcp",
            List.of(Map.of()),
            "tls",
            List.of(Map.of()));

    Mapping mapping = RouteTableMapper.map(routeTable(spec));

    assertThat(mapping.problems())
        .containsExactly(
            "spec.tcp: not supported by meshfed, left out",
            "spec.tls: not supported by meshfed, left out",
            "spec.workloadSelectors[0].kind: 'VM' is not supported by meshfed (only KUBE), left out",
            "spec.workloadSelectors[1].port: not supported by meshfed, left out",
            "spec.http[0].forwardTo.regexRewrite: not supported by meshfed, left out",
            "spec.http[1].matchers[0].uri: expected one of exact, prefix or regex, found exact and"
                + " prefix",
            "spec.http[1].matchers[1].port: not supported by meshfed, left out",
            "spec.http[1].matchers[2].queryParameters[0].invertMatch: not supported by meshfed,"
                + " left out",
            "spec.http[2].delegate: not supported by meshfed, left out",
            "spec.http[3].graphql: not supported by meshfed, left out");
    // an entry that selects or matches, read without a field, would select or match more: left out
    assertThat(state(mapping))
        .isEqualTo(
            new RouteTableState(
                List.of("reviews.global"),
                List.of(new ObjectSelector(null, "bookinfo", null, null, Map.of())),
                List.of(),
                null,
                List.of(
                    new HttpRoute(
                        "to-reviews",
                        Map.of(),
                        List.of(),
                        new ForwardTo(
                            List.of(
                                new RouteDestination(
                                    new ObjectSelector("reviews", null, null, null, Map.of()),
                                    "SERVICE",
                                    null,
                                    null,
                                    Map.of(),
                                    null)),
                            null,
                            null),
                        null,
                        null),
                    new HttpRoute(
                        "matched",
                        Map.of(),
                        List.of(new HttpMatcher(null, List.of(), List.of(), "POST")),
                        null,
                        null,
                        null),
                    new HttpRoute("delegated", Map.of(), List.of(), null, null, null),
                    new HttpRoute("graph", Map.of(), List.of(), null, null, null)),
                null));
    assertThat(mapping.writes().get(0).value().getProblems()).isEqualTo(mapping.problems());
  }

  @Test
  void fieldsOfTheWrongTypeAreProblemsNamingTheirPathAndTheRestIsPublished() {
    var spec =
        Map.of(
            "hosts",
            List.of("reviews.global", 7),
            "virtualGateways",
            List.of(Map.of("name", "gw", "labels", Map.of("a", "b")), Map.of("name", "gw2")),
            "defaultDestination",
            Map.of(
                "ref", Map.of("name", "reviews"), "port", Map.of("number", 9080, "name", "http")),
            "http",
            List.of(
                Map.of(
                    "matchers",
                    List.of(
                        Map.of("headers", List.of(Map.of("value", "jason"))),
                        Map.of("uri", Map.of("ignoreCase", true))),
                    "forwardTo",
                    Map.of(
                        "destinations",
                        List.of(
                            Map.of("ref", Map.of("name", "a"), "weight", "80"),
                            Map.of("ref", Map.of("name", "b"), "subset", Map.of("version", 2)),
                            Map.of("ref", Map.of("name", "c"))))),
                Map.of(
                    "redirect", Map.of("responseCode", 301),
                    "directResponse", Map.of("status", "418", "body", "tea"))),
            "weight",
            "high");

    Mapping mapping = RouteTableMapper.map(routeTable(spec));

    assertThat(mapping.problems())
        .containsExactly(
            "spec.hosts[1]: expected a string, found '7'",
            "spec.virtualGateways[0].labels: not supported by meshfed, left out",
            "spec.defaultDestination.port: expected a number or a name, found both",
            "spec.http[0].matchers[0].headers[0].name: missing",
            "spec.http[0].matchers[1].uri: expected one of exact, prefix or regex, found none",
            "spec.http[0].forwardTo.destinations[0].weight: expected a whole number, found '80'",
            "spec.http[0].forwardTo.destinations[1].subset.version: expected a string, found '2'",
            "spec.http[1].directResponse.status: expected a whole number, found '418'",
            "spec.weight: expected a whole number, found 'high'");
    RouteTableState state = state(mapping);
    assertThat(state.getHosts()).containsExactly("reviews.global");
    assertThat(state.getVirtualGateways())
        .containsExactly(new ObjectSelector("gw2", null, null, null, Map.of()));
    assertThat(state.getDefaultDestination()).isNull();
    assertThat(state.getHttp().get(0).getMatchers()).isEmpty();
    assertThat(state.getHttp().get(0).getForwardTo().getDestinations())
        .extracting(destination -> destination.getRef().getName())
        .containsExactly("c");
    assertThat(state.getHttp().get(1).getRedirect()).isEqualTo(new Redirect(null, null, "301"));
    assertThat(state.getHttp().get(1).getDirectResponse())
        .isEqualTo(new DirectResponse(null, "tea"));
    assertThat(state.getWeight()).isNull();
  }

  @Test
  void aSpecOfTheWrongTypeIsAProblemAndTheObjectIsStillPublished() {
    Mapping mapping = RouteTableMapper.map(routeTable(List.of()));

    assertThat(mapping.problems()).containsExactly("spec: expected an object, found a list");
    assertThat(state(mapping)).isEqualTo(EMPTY);
  }

  private static HttpMatcher matcher(StringMatch uri) {
    return new HttpMatcher(uri, List.of(), List.of(), null);
  }

  private static GenericKubernetesResource routeTable(Object spec) {
    return Fixtures.customResource("RouteTable", "reviews", spec);
  }

  private static RouteTableState state(Mapping mapping) {
    return (RouteTableState) mapping.writes().get(0).value().getPayload();
  }
}
