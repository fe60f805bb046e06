package dev.meshfed.discovery.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.schema.DiscoveredKinds;
import dev.meshfed.schema.discovery.DestinationSelector;
import dev.meshfed.schema.discovery.ObjectSelector;
import dev.meshfed.schema.discovery.OutlierDetectionPolicyState;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutlierDetectionPolicyMapperTest {

  /** Every virtual destination of the policy's workspace. */
  private static final List<Map<String, Object>> VIRTUAL_DESTINATIONS =
      List.of(Map.of("kind", "VIRTUAL_DESTINATION", "selector", Map.of()));

  private static final Map<String, Object> SETTINGS =
      Map.of(
          "consecutiveErrors",
          2,
          "interval",
          "5s",
          "baseEjectionTime",
          "30s",
          "maxEjectionPercent",
          100);

  /** Gloo Mesh's docs' OutlierDetectionPolicy, its settings under spec.config. */
  private static final Map<String, Object> OUTLIER_DETECTION =
      Map.of("applyToDestinations", VIRTUAL_DESTINATIONS, "config", SETTINGS);

  private static final List<DestinationSelector> VIRTUAL_DESTINATIONS_STATE =
      List.of(
          new DestinationSelector(
              "VIRTUAL_DESTINATION",
              new ObjectSelector(null, null, null, null, Map.of()),
              null,
              null));

  private static final OutlierDetectionPolicyState OUTLIER_DETECTION_STATE =
      new OutlierDetectionPolicyState(VIRTUAL_DESTINATIONS_STATE, 2, "5s", "30s", 100);

  private static final OutlierDetectionPolicyState EMPTY =
      new OutlierDetectionPolicyState(List.of(), null, null, null, null);

  @Test
  void readsMeshfedsOutlierDetectionPolicy() {
    Mapping mapping = OutlierDetectionPolicyMapper.map(outlierDetectionPolicy(OUTLIER_DETECTION));

    ReadWhole.assertPublished(
        mapping,
        Keys.of(DiscoveredKinds.OUTLIER_DETECTION_POLICY, "gloo-mesh", "outlier"),
        "meshfed.dev/v1alpha1",
        OUTLIER_DETECTION_STATE);
  }

  @Test
  void readsGloosOutlierDetectionPolicyTheSameUnderAKindOfItsOwn() {
    var gloo =
        outlierDetectionPolicy(OUTLIER_DETECTION).toBuilder()
            .withApiVersion("resilience.policy.gloo.solo.io/v2")
            .build();

    Mapping mapping = DiscoveryMapper.map(Source.GLOO_OUTLIER_DETECTION_POLICIES, gloo);

    ReadWhole.assertPublished(
        mapping,
        Keys.of(DiscoveredKinds.GLOO_OUTLIER_DETECTION_POLICY, "gloo-mesh", "outlier"),
        "resilience.policy.gloo.solo.io/v2",
        OUTLIER_DETECTION_STATE);
  }

  @Test
  void readsTheSettingsWrittenDirectlyUnderSpecTheSame() {
    var spec = new HashMap<String, Object>(SETTINGS);
    spec.put("applyToDestinations", VIRTUAL_DESTINATIONS);

    Mapping mapping =
        DiscoveryMapper.map(Source.OUTLIER_DETECTION_POLICIES, outlierDetectionPolicy(spec));

    assertThat(mapping.problems()).isEmpty();
    assertThat(state(mapping)).isEqualTo(OUTLIER_DETECTION_STATE);
  }

  @Test
  void publishesDurationsAsWritten() {
    var spec = Map.of("config", Map.of("interval", "1m30s", "baseEjectionTime", "0.5h"));

    Mapping mapping = OutlierDetectionPolicyMapper.map(outlierDetectionPolicy(spec));

    assertThat(mapping.problems()).isEmpty();
    assertThat(state(mapping))
        .isEqualTo(new OutlierDetectionPolicyState(List.of(), null, "1m30s", "0.5h", null));
  }

  @Test
  void withoutSettingsEachIsNull() {
    for (Object spec : List.of(Map.of(), Map.of("config", Map.of()))) {
      Mapping mapping = OutlierDetectionPolicyMapper.map(outlierDetectionPolicy(spec));

      assertThat(mapping.problems()).isEmpty();
      assertThat(state(mapping)).isEqualTo(EMPTY);
    }
  }

  @Test
  void fieldsOfTheWrongTypeAreProblemsNamingTheirPathAndTheRestIsPublished() {
    var spec =
        Map.of(
            "applyToDestinations",
            List.of(
                Map.of("kind", "VIRTUAL_DESTINATION", "selector", Map.of()),
                Map.of("kind", "VIRTUAL_DESTINATION", "port", Map.of("name", 9080))),
            "config",
            Map.of(
                "consecutiveErrors",
                "2",
                "interval",
                5,
                "baseEjectionTime",
                "30s",
                "maxEjectionPercent",
                12.5));

    Mapping mapping = OutlierDetectionPolicyMapper.map(outlierDetectionPolicy(spec));

    assertThat(mapping.problems())
        .containsExactly(
            "spec.applyToDestinations[1].port.name: expected a string, found '9080'",
            "spec.config.consecutiveErrors: expected a whole number, found '2'",
            "spec.config.interval: expected a duration such as '10s', found '5'",
            "spec.config.maxEjectionPercent: expected a whole number, found '12.5'");
    assertThat(state(mapping))
        .isEqualTo(
            new OutlierDetectionPolicyState(VIRTUAL_DESTINATIONS_STATE, null, null, "30s", null));
    assertThat(mapping.writes().get(0).value().getProblems()).isEqualTo(mapping.problems());
  }

  @Test
  void aSettingWrittenBothUnderConfigAndDirectlyUnderSpecIsReadFromConfigAsAProblem() {
    var spec = Map.of("interval", "10s", "config", Map.of("interval", "5s"));

    Mapping mapping = OutlierDetectionPolicyMapper.map(outlierDetectionPolicy(spec));

    assertThat(mapping.problems())
        .containsExactly("spec.interval: left out, as spec.config is given");
    assertThat(state(mapping).getInterval()).isEqualTo("5s");
  }

  @Test
  void glooSettingsMeshfedDoesNotReadAreProblems() {
    var spec = Map.of("config", Map.of("consecutiveErrors", 5, "consecutiveGatewayErrors", 3));

    Mapping mapping = OutlierDetectionPolicyMapper.map(outlierDetectionPolicy(spec));

    assertThat(mapping.problems())
        .containsExactly(
            "spec.config.consecutiveGatewayErrors: not supported by meshfed, left out");
    assertThat(state(mapping).getConsecutiveErrors()).isEqualTo(5);
  }

  private static GenericKubernetesResource outlierDetectionPolicy(Object spec) {
    return Fixtures.customResource("OutlierDetectionPolicy", "outlier", spec);
  }

  private static OutlierDetectionPolicyState state(Mapping mapping) {
    return (OutlierDetectionPolicyState) mapping.writes().get(0).value().getPayload();
  }
}
