package dev.meshfed.discovery.model;

import static dev.meshfed.discovery.model.LenientReader.field;

import dev.meshfed.schema.DiscoveredKinds;
import dev.meshfed.schema.discovery.AccessPolicyState;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * AccessPolicy (meshfed.dev/v1alpha1, fields of Gloo Mesh 2.x; or Gloo's own
 * security.policy.gloo.solo.io/v2) → the kind given: spec.applyToDestinations (as a
 * FailoverPolicy's), the authn tlsMode of spec.config (or of spec itself) as written, and its authz
 * and authzList as rules (see {@link AccessRules}). Enforcement is the mesh's: enforcementLayers
 * asking for any other is a problem, and the rest is read.
 */
public final class AccessPolicyMapper {

  private static final String AUTHN = "authn";
  private static final String ENFORCEMENT_LAYERS = "enforcementLayers";
  private static final List<String> SPEC_FIELDS = List.of("applyToDestinations");
  private static final List<String> CONFIG_FIELDS =
      List.of(AUTHN, AccessRules.AUTHZ, AccessRules.AUTHZ_LIST, ENFORCEMENT_LAYERS);
  private static final List<String> AUTHN_FIELDS = List.of("tlsMode");
  private static final List<String> LAYERS = List.of("mesh", "cni");

  private AccessPolicyMapper() {}

  public static Mapping map(GenericKubernetesResource policy) {
    return map(DiscoveredKinds.ACCESS_POLICY, policy);
  }

  /** Under the kind given: meshfed's, or Gloo's for security.policy.gloo.solo.io/v2. */
  public static Mapping map(String kind, GenericKubernetesResource policy) {
    var reader = new LenientReader();
    Optional<Map<?, ?>> spec = reader.map(policy.getAdditionalProperties().get("spec"), "spec");
    var config = PolicyConfig.readReportingOthers(reader, spec, SPEC_FIELDS, CONFIG_FIELDS);
    var state =
        new AccessPolicyState(
            DestinationSelectors.read(
                reader, field(spec, "applyToDestinations"), "spec.applyToDestinations"),
            tlsMode(reader, config.get(AUTHN), config.path(AUTHN)),
            AccessRules.read(reader, config));
    checkEnforcementLayers(reader, config.get(ENFORCEMENT_LAYERS), config.path(ENFORCEMENT_LAYERS));
    var write = new Write(Keys.of(kind, policy), Envelope.wrap(policy, state));
    return new Mapping(List.of(write), reader.problems());
  }

  /** authn.tlsMode as written (STRICT or PERMISSIVE); null where it is not. */
  private static String tlsMode(LenientReader reader, Object value, String path) {
    return reader
        .map(value, path)
        .flatMap(
            authn -> {
              reader.unsupportedFields(authn, path, AUTHN_FIELDS);
              return reader.string(authn.get("tlsMode"), path + ".tlsMode");
            })
        .orElse(null);
  }

  /**
   * Istio's sidecars (the mesh layer) are all meshfed configures: absent, or {@code {mesh: true,
   * cni: false}} (either left out), is what it does; any other choice of layers is a problem.
   */
  private static void checkEnforcementLayers(LenientReader reader, Object value, String path) {
    reader
        .map(value, path)
        .ifPresent(
            layers -> {
              reader.unsupportedFields(layers, path, LAYERS);
              boolean mesh = reader.bool(layers.get("mesh"), path + ".mesh").orElse(true);
              boolean cni = reader.bool(layers.get("cni"), path + ".cni").orElse(false);
              if (!mesh || cni) {
                reader.problem(
                    path + ": only the mesh layer is supported by meshfed, enforced there alone");
              }
            });
  }
}
