package dev.meshfed.discovery.model;

import static dev.meshfed.discovery.model.LenientReader.field;

import dev.meshfed.schema.DiscoveredKinds;
import dev.meshfed.schema.discovery.MirrorPolicyState;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * MirrorPolicy (meshfed.dev/v1alpha1, fields of Gloo Mesh 2.x; or Gloo's own
 * trafficcontrol.policy.gloo.solo.io/v2) → the kind given: spec.applyToRoutes, and the destination
 * requests are copied to and the percentage of them copied of spec.config (or of spec itself), as
 * written. The destination reads as a route's (its subset too), but for a weight, which a mirror's
 * one destination does not have.
 */
public final class MirrorPolicyMapper {

  private static final List<String> SPEC_FIELDS = List.of("applyToRoutes");
  private static final List<String> CONFIG_FIELDS = List.of("destination", "percentage");

  private MirrorPolicyMapper() {}

  public static Mapping map(GenericKubernetesResource policy) {
    return map(DiscoveredKinds.MIRROR_POLICY, policy);
  }

  /** Under the kind given: meshfed's, or Gloo's for trafficcontrol.policy.gloo.solo.io/v2. */
  public static Mapping map(String kind, GenericKubernetesResource policy) {
    var reader = new LenientReader();
    Optional<Map<?, ?>> spec = reader.map(policy.getAdditionalProperties().get("spec"), "spec");
    var config = PolicyConfig.readReportingOthers(reader, spec, SPEC_FIELDS, CONFIG_FIELDS);
    var state =
        new MirrorPolicyState(
            RouteSelectors.read(reader, field(spec, "applyToRoutes"), "spec.applyToRoutes"),
            RouteDestinations.readMirror(
                reader, config.get("destination"), config.path("destination")),
            reader.number(config.get("percentage"), config.path("percentage")).orElse(null));
    var write = new Write(Keys.of(kind, policy), Envelope.wrap(policy, state));
    return new Mapping(List.of(write), reader.problems());
  }
}
