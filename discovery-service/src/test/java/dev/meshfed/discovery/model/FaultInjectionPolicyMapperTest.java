package dev.meshfed.discovery.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.schema.DiscoveredKinds;
import dev.meshfed.schema.discovery.FaultAbort;
import dev.meshfed.schema.discovery.FaultDelay;
import dev.meshfed.schema.discovery.FaultInjectionPolicyState;
import dev.meshfed.schema.discovery.ObjectSelector;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FaultInjectionPolicyMapperTest {

  private static final List<Map<String, Object>> RATINGS_ROUTES =
      List.of(
          Map.of(
              "route",
              Map.of(
                  "name", "ratings",
                  "namespace", "bookinfo",
                  "cluster", "cluster1",
                  "workspace", "bookinfo",
                  "labels", Map.of("fault", "ratings"))));

  private static final Map<String, Object> SETTINGS =
      Map.of(
          "delay", Map.of("fixedDelay", "7s", "percentage", 12.5),
          "abort", Map.of("httpStatus", 503, "percentage", 50));

  /** Gloo Mesh's docs' FaultInjectionPolicy, its settings under spec.config. */
  private static final Map<String, Object> FAULTS =
      Map.of("applyToRoutes", RATINGS_ROUTES, "config", SETTINGS);

  private static final FaultInjectionPolicyState FAULTS_STATE =
      new FaultInjectionPolicyState(
          List.of(
              new ObjectSelector(
                  "ratings", "bookinfo", "cluster1", "bookinfo", Map.of("fault", "ratings"))),
          new FaultDelay("7s", 12.5),
          new FaultAbort(503, 50.0));

  private static final FaultInjectionPolicyState EMPTY =
      new FaultInjectionPolicyState(List.of(), null, null);

  @Test
  void readsMeshfedsFaultInjectionPolicy() {
    Mapping mapping = FaultInjectionPolicyMapper.map(faultInjectionPolicy(FAULTS));

    ReadWhole.assertPublished(
        mapping,
        Keys.of(DiscoveredKinds.FAULT_INJECTION_POLICY, "gloo-mesh", "faults"),
        "meshfed.dev/v1alpha1",
        FAULTS_STATE);
  }

  @Test
  void readsGloosFaultInjectionPolicyTheSameUnderAKindOfItsOwn() {
    var gloo =
        faultInjectionPolicy(FAULTS).toBuilder()
            .withApiVersion("resilience.policy.gloo.solo.io/v2")
            .build();

    Mapping mapping = DiscoveryMapper.map(Source.GLOO_FAULT_INJECTION_POLICIES, gloo);

    ReadWhole.assertPublished(
        mapping,
        Keys.of(DiscoveredKinds.GLOO_FAULT_INJECTION_POLICY, "gloo-mesh", "faults"),
        "resilience.policy.gloo.solo.io/v2",
        FAULTS_STATE);
  }

  @Test
  void readsTheSettingsWrittenDirectlyUnderSpecTheSame() {
    var spec = new HashMap<String, Object>(SETTINGS);
    spec.put("applyToRoutes", RATINGS_ROUTES);

    Mapping mapping =
        DiscoveryMapper.map(Source.FAULT_INJECTION_POLICIES, faultInjectionPolicy(spec));

    assertThat(mapping.problems()).isEmpty();
    assertThat(state(mapping)).isEqualTo(FAULTS_STATE);
  }

  @Test
  void anEntryWithoutARouteSelectsEveryRouteAndAbsentPercentagesAreNull() {
    var spec =
        Map.of(
            "applyToRoutes",
            List.of(Map.of()),
            "config",
            Map.of("delay", Map.of("fixedDelay", "1s"), "abort", Map.of("httpStatus", 500)));

    Mapping mapping = FaultInjectionPolicyMapper.map(faultInjectionPolicy(spec));

    assertThat(mapping.problems()).isEmpty();
    assertThat(state(mapping))
        .isEqualTo(
            new FaultInjectionPolicyState(
                List.of(new ObjectSelector(null, null, null, null, Map.of())),
                new FaultDelay("1s", null),
                new FaultAbort(500, null)));
  }

  @Test
  void withoutRoutesOrSettingsItsListIsEmptyAndTheSettingsNull() {
    for (Object spec : List.of(Map.of(), Map.of("config", Map.of()))) {
      Mapping mapping = FaultInjectionPolicyMapper.map(faultInjectionPolicy(spec));

      assertThat(mapping.problems()).isEmpty();
      assertThat(state(mapping)).isEqualTo(EMPTY);
    }
    assertThat(state(FaultInjectionPolicyMapper.map(faultInjectionPolicy(null)))).isEqualTo(EMPTY);
  }

  @Test
  void fieldsOfTheWrongTypeAreProblemsNamingTheirPathAndTheRestIsPublished() {
    var spec =
        Map.of(
            "applyToRoutes",
            List.of(Map.of("route", "ratings"), Map.of("route", Map.of("labels", Map.of()))),
            "config",
            Map.of(
                "delay", Map.of("fixedDelay", 7, "percentage", "50%"),
                "abort", Map.of("httpStatus", 503.5, "percentage", 10)));

    Mapping mapping = FaultInjectionPolicyMapper.map(faultInjectionPolicy(spec));

    assertThat(mapping.problems())
        .containsExactly(
            "spec.applyToRoutes[0].route: expected an object, found 'ratings'",
            "spec.config.delay.fixedDelay: expected a duration such as '10s', found '7'",
            "spec.config.delay.percentage: expected a number, found '50%'",
            "spec.config.abort.httpStatus: expected a whole number, found '503.5'");
    assertThat(state(mapping))
        .isEqualTo(
            new FaultInjectionPolicyState(
                List.of(new ObjectSelector(null, null, null, null, Map.of())),
                new FaultDelay(null, null),
                new FaultAbort(null, 10.0)));
    assertThat(mapping.writes().get(0).value().getProblems()).isEqualTo(mapping.problems());
  }

  @Test
  void fieldsMeshfedDoesNotReadAreProblems() {
    var spec =
        Map.of(
            "delay",
            Map.of("fixedDelay", "1s"),
            "abort",
            Map.of("httpStatus", 503, "grpcStatus", "UNAVAILABLE"),
            "applyToDestinations",
            List.of());

    Mapping mapping = FaultInjectionPolicyMapper.map(faultInjectionPolicy(spec));

    assertThat(mapping.problems())
        .containsExactly(
            "spec.applyToDestinations: not supported by meshfed, left out",
            "spec.abort.grpcStatus: not supported by meshfed, left out");
    assertThat(state(mapping))
        .isEqualTo(
            new FaultInjectionPolicyState(
                List.of(), new FaultDelay("1s", null), new FaultAbort(503, null)));
  }

  @Test
  void aSpecOfTheWrongTypeIsAProblemAndTheObjectIsStillPublished() {
    Mapping mapping = FaultInjectionPolicyMapper.map(faultInjectionPolicy("delay"));

    assertThat(mapping.problems()).containsExactly("spec: expected an object, found 'delay'");
    assertThat(state(mapping)).isEqualTo(EMPTY);
  }

  private static GenericKubernetesResource faultInjectionPolicy(Object spec) {
    return Fixtures.customResource("FaultInjectionPolicy", "faults", spec);
  }

  private static FaultInjectionPolicyState state(Mapping mapping) {
    return (FaultInjectionPolicyState) mapping.writes().get(0).value().getPayload();
  }
}
