package dev.meshfed.oracle.istio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What an API server with Istio's CRDs and Istio's validating webhook says about a write of an
 * Istio object: first the structural schema of the object's CRD version, then, if that passes, the
 * webhook's rules for its kind. Used by the simulated API server; public so that tests of other
 * modules can check an object the same way.
 */
public final class IstioAdmission {

  private IstioAdmission() {}

  /** Whether objects of {@code group} are Istio's, and so checked here. */
  public static boolean isIstioGroup(String group) {
    return IstioCrds.NETWORKING.equals(group) || IstioCrds.SECURITY.equals(group);
  }

  /** The newest release whose webhook rules {@link #review(JsonNode, ObjectNode)} applies. */
  public static final String NEWEST = "1.24";

  /**
   * The errors of {@code object} in Istio {@link #NEWEST}, empty when it would be accepted; {@code
   * openApiSchema} is the {@code schema.openAPIV3Schema} of the stored CRD's version the object is
   * written in.
   */
  public static FieldErrors review(JsonNode openApiSchema, ObjectNode object) {
    return review(openApiSchema, object, NEWEST);
  }

  /**
   * The errors of {@code object} in Istio {@code istioVersion} ({@code 1.MINOR[.PATCH]}, 1.11 or
   * later), where the webhook's rules differ between releases (VirtualService weights).
   */
  public static FieldErrors review(JsonNode openApiSchema, ObjectNode object, String istioVersion) {
    int minor = IstioCrds.minorVersion(istioVersion);
    FieldErrors errors = new FieldErrors();
    if (openApiSchema != null && !openApiSchema.isMissingNode()) {
      StructuralSchema.validate(openApiSchema, object, errors);
    }
    if (!errors.isEmpty()) {
      return errors;
    }
    String group = object.path("apiVersion").asText().split("/", 2)[0];
    String namespace = object.path("metadata").path("namespace").asText("");
    JsonNode spec = object.path("spec");
    switch (group + "/" + object.path("kind").asText()) {
      case "networking.istio.io/ServiceEntry" ->
          NetworkingRules.serviceEntry(spec, namespace, errors);
      case "networking.istio.io/Gateway" -> NetworkingRules.gateway(spec, errors);
      case "networking.istio.io/Sidecar" -> NetworkingRules.sidecar(spec, errors);
      case "networking.istio.io/DestinationRule" ->
          DestinationRuleRules.destinationRule(spec, namespace, errors);
      case "networking.istio.io/VirtualService" ->
          VirtualServiceRules.virtualService(spec, namespace, minor, errors);
      case "security.istio.io/AuthorizationPolicy" ->
          SecurityRules.authorizationPolicy(spec, errors);
      case "security.istio.io/PeerAuthentication" -> SecurityRules.peerAuthentication(spec, errors);
      default -> {
        // WorkloadEntry: the schema only
      }
    }
    return errors;
  }
}
