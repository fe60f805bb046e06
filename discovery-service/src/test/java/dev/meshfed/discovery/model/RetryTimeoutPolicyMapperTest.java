package dev.meshfed.discovery.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.schema.DiscoveredKinds;
import dev.meshfed.schema.discovery.ObjectSelector;
import dev.meshfed.schema.discovery.RetryOptions;
import dev.meshfed.schema.discovery.RetryTimeoutPolicyState;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetryTimeoutPolicyMapperTest {

  private static final List<Map<String, Object>> REVIEWS_ROUTES =
      List.of(
          Map.of(
              "route",
              Map.of(
                  "name", "reviews-v2",
                  "namespace", "bookinfo",
                  "cluster", "cluster1",
                  "workspace", "bookinfo",
                  "labels", Map.of("route", "reviews"))));

  private static final Map<String, Object> SETTINGS =
      Map.of(
          "requestTimeout",
          "2s",
          "retries",
          Map.of(
              "attempts",
              3,
              "perTryTimeout",
              "500ms",
              "retryOn",
              "5xx,connect-failure",
              "retryRemoteLocalities",
              true));

  /** Gloo Mesh's docs' RetryTimeoutPolicy, its settings under spec.config. */
  private static final Map<String, Object> RETRY_TIMEOUT =
      Map.of("applyToRoutes", REVIEWS_ROUTES, "config", SETTINGS);

  private static final List<ObjectSelector> REVIEWS_ROUTES_STATE =
      List.of(
          new ObjectSelector(
              "reviews-v2", "bookinfo", "cluster1", "bookinfo", Map.of("route", "reviews")));

  private static final RetryTimeoutPolicyState RETRY_TIMEOUT_STATE =
      new RetryTimeoutPolicyState(
          REVIEWS_ROUTES_STATE, "2s", new RetryOptions(3, "500ms", "5xx,connect-failure", true));

  private static final RetryTimeoutPolicyState EMPTY =
      new RetryTimeoutPolicyState(List.of(), null, null);

  @Test
  void readsMeshfedsRetryTimeoutPolicy() {
    Mapping mapping = RetryTimeoutPolicyMapper.map(retryTimeoutPolicy(RETRY_TIMEOUT));

    ReadWhole.assertPublished(
        mapping,
        Keys.of(DiscoveredKinds.RETRY_TIMEOUT_POLICY, "gloo-mesh", "retries"),
        "meshfed.dev/v1alpha1",
        RETRY_TIMEOUT_STATE);
  }

  @Test
  void readsGloosRetryTimeoutPolicyTheSameUnderAKindOfItsOwn() {
    var gloo =
        retryTimeoutPolicy(RETRY_TIMEOUT).toBuilder()
            .withApiVersion("resilience.policy.gloo.solo.io/v2")
            .build();

    Mapping mapping = DiscoveryMapper.map(Source.GLOO_RETRY_TIMEOUT_POLICIES, gloo);

    ReadWhole.assertPublished(
        mapping,
        Keys.of(DiscoveredKinds.GLOO_RETRY_TIMEOUT_POLICY, "gloo-mesh", "retries"),
        "resilience.policy.gloo.solo.io/v2",
        RETRY_TIMEOUT_STATE);
  }

  @Test
  void readsTheSettingsWrittenDirectlyUnderSpecTheSame() {
    var spec = new HashMap<String, Object>(SETTINGS);
    spec.put("applyToRoutes", REVIEWS_ROUTES);

    Mapping mapping = DiscoveryMapper.map(Source.RETRY_TIMEOUT_POLICIES, retryTimeoutPolicy(spec));

    assertThat(mapping.problems()).isEmpty();
    assertThat(state(mapping)).isEqualTo(RETRY_TIMEOUT_STATE);
  }

  @Test
  void anEntryWithoutARouteSelectsEveryRoute() {
    var spec = Map.of("applyToRoutes", List.of(Map.of()), "config", Map.of("retries", Map.of()));

    Mapping mapping = RetryTimeoutPolicyMapper.map(retryTimeoutPolicy(spec));

    assertThat(mapping.problems()).isEmpty();
    assertThat(state(mapping))
        .isEqualTo(
            new RetryTimeoutPolicyState(
                List.of(new ObjectSelector(null, null, null, null, Map.of())),
                null,
                new RetryOptions(null, null, null, null)));
  }

  @Test
  void withoutRoutesOrSettingsItsListIsEmptyAndTheSettingsNull() {
    for (Object spec : List.of(Map.of(), Map.of("config", Map.of()))) {
      Mapping mapping = RetryTimeoutPolicyMapper.map(retryTimeoutPolicy(spec));

      assertThat(mapping.problems()).isEmpty();
      assertThat(state(mapping)).isEqualTo(EMPTY);
    }
    assertThat(state(RetryTimeoutPolicyMapper.map(retryTimeoutPolicy(null)))).isEqualTo(EMPTY);
  }

  @Test
  void fieldsOfTheWrongTypeAreProblemsNamingTheirPathAndTheRestIsPublished() {
    var spec =
        Map.of(
            "applyToRoutes",
            List.of(Map.of("route", Map.of("name", 7)), Map.of("route", Map.of("name", "r"))),
            "config",
            Map.of(
                "requestTimeout",
                2,
                "retries",
                Map.of(
                    "attempts", "3",
                    "perTryTimeout", "1s",
                    "retryOn", List.of("5xx"),
                    "retryRemoteLocalities", "yes")));

    Mapping mapping = RetryTimeoutPolicyMapper.map(retryTimeoutPolicy(spec));

    assertThat(mapping.problems())
        .containsExactly(
            "spec.applyToRoutes[0].route.name: expected a string, found '7'",
            "spec.config.requestTimeout: expected a duration such as '10s', found '2'",
            "spec.config.retries.attempts: expected a whole number, found '3'",
            "spec.config.retries.retryOn: expected a string, found a list",
            "spec.config.retries.retryRemoteLocalities: expected a boolean, found 'yes'");
    // a selector read without a field would select more routes than was written: left out
    assertThat(state(mapping))
        .isEqualTo(
            new RetryTimeoutPolicyState(
                List.of(new ObjectSelector("r", null, null, null, Map.of())),
                null,
                new RetryOptions(null, "1s", null, null)));
    assertThat(mapping.writes().get(0).value().getProblems()).isEqualTo(mapping.problems());
  }

  @Test
  void fieldsMeshfedDoesNotReadAreProblems() {
    var spec =
        Map.of(
            "applyToRoutes",
            List.of(Map.of("route", Map.of("name", "r"), "routeTable", Map.of("name", "t"))),
            "applyToDestinations",
            List.of(),
            "requestTimeout",
            "1s",
            "config",
            Map.of(
                "requestTimeout",
                "2s",
                "idleTimeout",
                "1m",
                "retries",
                Map.of("attempts", 2, "backoff", "1s")));

    Mapping mapping = RetryTimeoutPolicyMapper.map(retryTimeoutPolicy(spec));

    assertThat(mapping.problems())
        .containsExactly(
            "spec.applyToDestinations: not supported by meshfed, left out",
            "spec.requestTimeout: left out, as spec.config is given",
            "spec.config.idleTimeout: not supported by meshfed, left out",
            "spec.applyToRoutes[0].routeTable: not supported by meshfed, left out",
            "spec.config.retries.backoff: not supported by meshfed, left out");
    assertThat(state(mapping))
        .isEqualTo(
            new RetryTimeoutPolicyState(List.of(), "2s", new RetryOptions(2, null, null, null)));
  }

  private static GenericKubernetesResource retryTimeoutPolicy(Object spec) {
    return Fixtures.customResource("RetryTimeoutPolicy", "retries", spec);
  }

  private static RetryTimeoutPolicyState state(Mapping mapping) {
    return (RetryTimeoutPolicyState) mapping.writes().get(0).value().getPayload();
  }
}
