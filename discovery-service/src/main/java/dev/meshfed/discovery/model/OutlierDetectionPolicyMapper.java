package dev.meshfed.discovery.model;

import static dev.meshfed.discovery.model.LenientReader.field;

import dev.meshfed.schema.DiscoveredKinds;
import dev.meshfed.schema.discovery.OutlierDetectionPolicyState;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * OutlierDetectionPolicy (meshfed.dev/v1alpha1, fields of Gloo Mesh 2.x; or Gloo's own
 * resilience.policy.gloo.solo.io/v2) → the kind given: spec.applyToDestinations and the settings of
 * spec.config (or of spec itself), as written; durations as the text written.
 */
public final class OutlierDetectionPolicyMapper {

  private static final List<String> CONFIG_FIELDS =
      List.of(
          "consecutiveErrors",
          "interval",
          "baseEjectionTime",
          "maxEjectionPercent",
          "consecutiveGatewayErrors");

  private OutlierDetectionPolicyMapper() {}

  public static Mapping map(GenericKubernetesResource policy) {
    return map(DiscoveredKinds.OUTLIER_DETECTION_POLICY, policy);
  }

  /** Under the kind given: meshfed's, or Gloo's for resilience.policy.gloo.solo.io/v2. */
  public static Mapping map(String kind, GenericKubernetesResource policy) {
    var reader = new LenientReader();
    Optional<Map<?, ?>> spec = reader.map(policy.getAdditionalProperties().get("spec"), "spec");
    var config = PolicyConfig.read(reader, spec, CONFIG_FIELDS);
    var state =
        new OutlierDetectionPolicyState(
            DestinationSelectors.read(
                reader, field(spec, "applyToDestinations"), "spec.applyToDestinations"),
            reader
                .integer(config.get("consecutiveErrors"), config.path("consecutiveErrors"))
                .orElse(null),
            reader.duration(config.get("interval"), config.path("interval")).orElse(null),
            reader
                .duration(config.get("baseEjectionTime"), config.path("baseEjectionTime"))
                .orElse(null),
            reader
                .integer(config.get("maxEjectionPercent"), config.path("maxEjectionPercent"))
                .orElse(null));
    reader.unsupported(
        config.get("consecutiveGatewayErrors"), config.path("consecutiveGatewayErrors"));
    var write = new Write(Keys.of(kind, policy), Envelope.wrap(policy, state));
    return new Mapping(List.of(write), reader.problems());
  }
}
