package dev.meshfed.discovery.model;

import static dev.meshfed.discovery.model.LenientReader.field;

import dev.meshfed.schema.DiscoveredKinds;
import dev.meshfed.schema.discovery.FaultAbort;
import dev.meshfed.schema.discovery.FaultDelay;
import dev.meshfed.schema.discovery.FaultInjectionPolicyState;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * FaultInjectionPolicy (meshfed.dev/v1alpha1, fields of Gloo Mesh 2.x; or Gloo's own
 * resilience.policy.gloo.solo.io/v2) → the kind given: spec.applyToRoutes and the delay and abort
 * of spec.config (or of spec itself), as written; the delay as the text written.
 */
public final class FaultInjectionPolicyMapper {

  private static final List<String> SPEC_FIELDS = List.of("applyToRoutes");
  private static final List<String> CONFIG_FIELDS = List.of("delay", "abort");
  private static final List<String> DELAY_FIELDS = List.of("fixedDelay", "percentage");
  private static final List<String> ABORT_FIELDS = List.of("httpStatus", "percentage");

  private FaultInjectionPolicyMapper() {}

  public static Mapping map(GenericKubernetesResource policy) {
    return map(DiscoveredKinds.FAULT_INJECTION_POLICY, policy);
  }

  /** Under the kind given: meshfed's, or Gloo's for resilience.policy.gloo.solo.io/v2. */
  public static Mapping map(String kind, GenericKubernetesResource policy) {
    var reader = new LenientReader();
    Optional<Map<?, ?>> spec = reader.map(policy.getAdditionalProperties().get("spec"), "spec");
    var config = PolicyConfig.readReportingOthers(reader, spec, SPEC_FIELDS, CONFIG_FIELDS);
    var state =
        new FaultInjectionPolicyState(
            RouteSelectors.read(reader, field(spec, "applyToRoutes"), "spec.applyToRoutes"),
            reader
                .map(config.get("delay"), config.path("delay"))
                .map(delay -> delay(reader, delay, config.path("delay")))
                .orElse(null),
            reader
                .map(config.get("abort"), config.path("abort"))
                .map(abort -> abort(reader, abort, config.path("abort")))
                .orElse(null));
    var write = new Write(Keys.of(kind, policy), Envelope.wrap(policy, state));
    return new Mapping(List.of(write), reader.problems());
  }

  private static FaultDelay delay(LenientReader reader, Map<?, ?> delay, String path) {
    reader.unsupportedFields(delay, path, DELAY_FIELDS);
    return new FaultDelay(
        reader.duration(delay.get("fixedDelay"), path + ".fixedDelay").orElse(null),
        reader.number(delay.get("percentage"), path + ".percentage").orElse(null));
  }

  private static FaultAbort abort(LenientReader reader, Map<?, ?> abort, String path) {
    reader.unsupportedFields(abort, path, ABORT_FIELDS);
    return new FaultAbort(
        reader.integer(abort.get("httpStatus"), path + ".httpStatus").orElse(null),
        reader.number(abort.get("percentage"), path + ".percentage").orElse(null));
  }
}
