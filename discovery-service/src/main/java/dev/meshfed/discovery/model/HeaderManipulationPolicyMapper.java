package dev.meshfed.discovery.model;

import static dev.meshfed.discovery.model.LenientReader.field;

import dev.meshfed.schema.DiscoveredKinds;
import dev.meshfed.schema.discovery.HeaderManipulationPolicyState;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * HeaderManipulationPolicy (meshfed.dev/v1alpha1, fields of Gloo Mesh 2.x; or Gloo's own
 * trafficcontrol.policy.gloo.solo.io/v2) → the kind given: spec.applyToRoutes and the headers
 * spec.config (or spec itself) appends to and removes from requests and responses, as written.
 */
public final class HeaderManipulationPolicyMapper {

  private static final List<String> SPEC_FIELDS = List.of("applyToRoutes");
  private static final String APPEND_REQUEST = "appendRequestHeaders";
  private static final String REMOVE_REQUEST = "removeRequestHeaders";
  private static final String APPEND_RESPONSE = "appendResponseHeaders";
  private static final String REMOVE_RESPONSE = "removeResponseHeaders";
  private static final List<String> CONFIG_FIELDS =
      List.of(APPEND_REQUEST, REMOVE_REQUEST, APPEND_RESPONSE, REMOVE_RESPONSE);

  private HeaderManipulationPolicyMapper() {}

  public static Mapping map(GenericKubernetesResource policy) {
    return map(DiscoveredKinds.HEADER_MANIPULATION_POLICY, policy);
  }

  /** Under the kind given: meshfed's, or Gloo's for trafficcontrol.policy.gloo.solo.io/v2. */
  public static Mapping map(String kind, GenericKubernetesResource policy) {
    var reader = new LenientReader();
    Optional<Map<?, ?>> spec = reader.map(policy.getAdditionalProperties().get("spec"), "spec");
    var config = PolicyConfig.readReportingOthers(reader, spec, SPEC_FIELDS, CONFIG_FIELDS);
    var state =
        HeaderManipulationPolicyState.newBuilder()
            .setApplyToRoutes(
                RouteSelectors.read(reader, field(spec, "applyToRoutes"), "spec.applyToRoutes"))
            .setAppendRequestHeaders(appended(reader, config, APPEND_REQUEST))
            .setRemoveRequestHeaders(removed(reader, config, REMOVE_REQUEST))
            .setAppendResponseHeaders(appended(reader, config, APPEND_RESPONSE))
            .setRemoveResponseHeaders(removed(reader, config, REMOVE_RESPONSE))
            .build();
    var write = new Write(Keys.of(kind, policy), Envelope.wrap(policy, state));
    return new Mapping(List.of(write), reader.problems());
  }

  /** Header names and values; a value that is no string is a problem, its header left out. */
  private static Map<String, String> appended(
      LenientReader reader, PolicyConfig config, String name) {
    return reader.stringMap(config.get(name), config.path(name));
  }

  /** Header names; one that is no string is a problem, and left out. */
  private static List<String> removed(LenientReader reader, PolicyConfig config, String name) {
    return reader.strings(config.get(name), config.path(name));
  }
}
