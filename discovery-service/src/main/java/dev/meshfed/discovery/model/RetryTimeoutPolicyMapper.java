package dev.meshfed.discovery.model;

import static dev.meshfed.discovery.model.LenientReader.field;

import dev.meshfed.schema.DiscoveredKinds;
import dev.meshfed.schema.discovery.RetryOptions;
import dev.meshfed.schema.discovery.RetryTimeoutPolicyState;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * RetryTimeoutPolicy (meshfed.dev/v1alpha1, fields of Gloo Mesh 2.x; or Gloo's own
 * resilience.policy.gloo.solo.io/v2) → the kind given: spec.applyToRoutes and the request timeout
 * and retries of spec.config (or of spec itself), as written; durations as the text written.
 */
public final class RetryTimeoutPolicyMapper {

  private static final List<String> SPEC_FIELDS = List.of("applyToRoutes");
  private static final List<String> CONFIG_FIELDS = List.of("requestTimeout", "retries");
  private static final List<String> RETRY_FIELDS =
      List.of("attempts", "perTryTimeout", "retryOn", "retryRemoteLocalities");

  private RetryTimeoutPolicyMapper() {}

  public static Mapping map(GenericKubernetesResource policy) {
    return map(DiscoveredKinds.RETRY_TIMEOUT_POLICY, policy);
  }

  /** Under the kind given: meshfed's, or Gloo's for resilience.policy.gloo.solo.io/v2. */
  public static Mapping map(String kind, GenericKubernetesResource policy) {
    var reader = new LenientReader();
    Optional<Map<?, ?>> spec = reader.map(policy.getAdditionalProperties().get("spec"), "spec");
    var config = PolicyConfig.readReportingOthers(reader, spec, SPEC_FIELDS, CONFIG_FIELDS);
    var state =
        new RetryTimeoutPolicyState(
            RouteSelectors.read(reader, field(spec, "applyToRoutes"), "spec.applyToRoutes"),
            reader
                .duration(config.get("requestTimeout"), config.path("requestTimeout"))
                .orElse(null),
            reader
                .map(config.get("retries"), config.path("retries"))
                .map(retries -> retries(reader, retries, config.path("retries")))
                .orElse(null));
    var write = new Write(Keys.of(kind, policy), Envelope.wrap(policy, state));
    return new Mapping(List.of(write), reader.problems());
  }

  private static RetryOptions retries(LenientReader reader, Map<?, ?> retries, String path) {
    reader.unsupportedFields(retries, path, RETRY_FIELDS);
    return new RetryOptions(
        reader.integer(retries.get("attempts"), path + ".attempts").orElse(null),
        reader.duration(retries.get("perTryTimeout"), path + ".perTryTimeout").orElse(null),
        reader.string(retries.get("retryOn"), path + ".retryOn").orElse(null),
        reader
            .bool(retries.get("retryRemoteLocalities"), path + ".retryRemoteLocalities")
            .orElse(null));
  }
}
