package dev.meshfed.discovery.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.schema.DiscoveredKinds;
import dev.meshfed.schema.discovery.HeaderManipulationPolicyState;
import dev.meshfed.schema.discovery.ObjectSelector;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeaderManipulationPolicyMapperTest {

  private static final List<Map<String, Object>> REVIEWS_ROUTES =
      List.of(Map.of("route", Map.of("labels", Map.of("route", "reviews"))));

  private static final Map<String, Object> SETTINGS =
      Map.of(
          "appendRequestHeaders",
          Map.of("x-meshfed", "on", "x-client", "productpage"),
          "removeRequestHeaders",
          List.of("x-internal"),
          "appendResponseHeaders",
          Map.of("x-served-by", "reviews"),
          "removeResponseHeaders",
          List.of("server", "x-envoy-upstream-service-time"));

  /** Gloo Mesh's docs' HeaderManipulationPolicy, its settings under spec.config. */
  private static final Map<String, Object> HEADERS =
      Map.of("applyToRoutes", REVIEWS_ROUTES, "config", SETTINGS);

  private static final HeaderManipulationPolicyState HEADERS_STATE =
      new HeaderManipulationPolicyState(
          List.of(new ObjectSelector(null, null, null, null, Map.of("route", "reviews"))),
          Map.of("x-client", "productpage", "x-meshfed", "on"),
          List.of("x-internal"),
          Map.of("x-served-by", "reviews"),
          List.of("server", "x-envoy-upstream-service-time"));

  private static final HeaderManipulationPolicyState EMPTY =
      new HeaderManipulationPolicyState(List.of(), Map.of(), List.of(), Map.of(), List.of());

  @Test
  void readsMeshfedsHeaderManipulationPolicy() {
    Mapping mapping = HeaderManipulationPolicyMapper.map(headerManipulationPolicy(HEADERS));

    ReadWhole.assertPublished(
        mapping,
        Keys.of(DiscoveredKinds.HEADER_MANIPULATION_POLICY, "gloo-mesh", "headers"),
        "meshfed.dev/v1alpha1",
        HEADERS_STATE);
  }

  @Test
  void readsGloosHeaderManipulationPolicyTheSameUnderAKindOfItsOwn() {
    var gloo =
        headerManipulationPolicy(HEADERS).toBuilder()
            .withApiVersion("trafficcontrol.policy.gloo.solo.io/v2")
            .build();

    Mapping mapping = DiscoveryMapper.map(Source.GLOO_HEADER_MANIPULATION_POLICIES, gloo);

    ReadWhole.assertPublished(
        mapping,
        Keys.of(DiscoveredKinds.GLOO_HEADER_MANIPULATION_POLICY, "gloo-mesh", "headers"),
        "trafficcontrol.policy.gloo.solo.io/v2",
        HEADERS_STATE);
  }

  @Test
  void readsTheSettingsWrittenDirectlyUnderSpecTheSame() {
    var spec = new HashMap<String, Object>(SETTINGS);
    spec.put("applyToRoutes", REVIEWS_ROUTES);

    Mapping mapping =
        DiscoveryMapper.map(Source.HEADER_MANIPULATION_POLICIES, headerManipulationPolicy(spec));

    assertThat(mapping.problems()).isEmpty();
    assertThat(state(mapping)).isEqualTo(HEADERS_STATE);
  }

  @Test
  void withoutRoutesOrSettingsItsListsAndMapsAreEmpty() {
    for (Object spec : List.of(Map.of(), Map.of("config", Map.of()))) {
      Mapping mapping = HeaderManipulationPolicyMapper.map(headerManipulationPolicy(spec));

      assertThat(mapping.problems()).isEmpty();
      assertThat(state(mapping)).isEqualTo(EMPTY);
    }
    assertThat(state(HeaderManipulationPolicyMapper.map(headerManipulationPolicy(null))))
        .isEqualTo(EMPTY);
  }

  @Test
  void fieldsOfTheWrongTypeAreProblemsNamingTheirPathAndTheRestIsPublished() {
    var spec =
        Map.of(
            "applyToRoutes",
            List.of(Map.of("route", Map.of("labels", List.of("reviews")))),
            "config",
            Map.of(
                "appendRequestHeaders",
                Map.of("x-retries", 3, "x-meshfed", "on"),
                "removeRequestHeaders",
                "x-internal",
                "appendResponseHeaders",
                List.of("x-served-by"),
                "removeResponseHeaders",
                List.of("server", 7)));

    Mapping mapping = HeaderManipulationPolicyMapper.map(headerManipulationPolicy(spec));

    assertThat(mapping.problems())
        .containsExactly(
            "spec.applyToRoutes[0].route.labels: expected an object, found a list",
            "spec.config.appendRequestHeaders.x-retries: expected a string, found '3'",
            "spec.config.removeRequestHeaders: expected a list, found 'x-internal'",
            "spec.config.appendResponseHeaders: expected an object, found a list",
            "spec.config.removeResponseHeaders[1]: expected a string, found '7'");
    // a route selector read without its labels would select more routes than was written
    assertThat(state(mapping))
        .isEqualTo(
            new HeaderManipulationPolicyState(
                List.of(), Map.of("x-meshfed", "on"), List.of(), Map.of(), List.of("server")));
    assertThat(mapping.writes().get(0).value().getProblems()).isEqualTo(mapping.problems());
  }

  @Test
  void fieldsMeshfedDoesNotReadAreProblems() {
    var spec =
        Map.of(
            "applyToRoutes",
            List.of(Map.of("route", Map.of("name", "r"), "routeTable", Map.of("name", "t"))),
            "removeRequestHeaders",
            List.of("x-a"),
            "config",
            Map.of(
                "removeRequestHeaders",
                List.of("x-b"),
                "appendRequestHeadersWithOptions",
                List.of(Map.of("name", "x-c"))));

    Mapping mapping = HeaderManipulationPolicyMapper.map(headerManipulationPolicy(spec));

    assertThat(mapping.problems())
        .containsExactly(
            "spec.removeRequestHeaders: left out, as spec.config is given",
            "spec.config.appendRequestHeadersWithOptions: not supported by meshfed, left out",
            "spec.applyToRoutes[0].routeTable: not supported by meshfed, left out");
    assertThat(state(mapping))
        .isEqualTo(
            new HeaderManipulationPolicyState(
                List.of(), Map.of(), List.of("x-b"), Map.of(), List.of()));
  }

  private static GenericKubernetesResource headerManipulationPolicy(Object spec) {
    return Fixtures.customResource("HeaderManipulationPolicy", "headers", spec);
  }

  private static HeaderManipulationPolicyState state(Mapping mapping) {
    return (HeaderManipulationPolicyState) mapping.writes().get(0).value().getPayload();
  }
}
