package dev.meshfed.oracle.istio;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;

/**
 * Istio's webhook rules for DestinationRules, after pkg/config/validation/validation.go
 * ValidateDestinationRule at 1.24: host, subsets, exportTo, and each traffic policy's client TLS,
 * port-level settings included (validateTrafficPolicy, validatePortTrafficPolicies) with
 * agent.ValidateTLS, and their locality load balancing ({@link LocalityLbRules}). Runs after the
 * schema check.
 */
final class DestinationRuleRules {

  private DestinationRuleRules() {}

  /** ValidateDestinationRule: host, subsets, traffic policies and exportTo. */
  static void destinationRule(JsonNode spec, String namespace, FieldErrors errors) {
    IstioNames.wildcardDomain("spec.host", spec.path("host").asText(), errors);
    trafficPolicy("spec.trafficPolicy", spec.path("trafficPolicy"), errors);
    Set<String> subsetNames = new HashSet<>();
    JsonNode subsets = spec.path("subsets");
    for (int i = 0; i < subsets.size(); i++) {
      String field = "spec.subsets[" + i + "]";
      String name = subsets.get(i).path("name").asText();
      if (!IstioNames.isDns1123Label(name)) {
        errors.invalid(field + ".name", name, "invalid subset name");
      } else if (!subsetNames.add(name)) {
        errors.duplicate(field + ".name", name);
      }
      IstioNames.labels(field + ".labels", subsets.get(i).path("labels"), errors);
      trafficPolicy(field + ".trafficPolicy", subsets.get(i).path("trafficPolicy"), errors);
    }
    IstioNames.exportTo("spec.exportTo", spec.path("exportTo"), namespace, false, errors);
    IstioNames.labels(
        "spec.workloadSelector.matchLabels",
        spec.path("workloadSelector").path("matchLabels"),
        errors);
  }

  /**
   * The TLS parts of validateTrafficPolicy: the policy's TLS, and each port-level setting's, which
   * must name its port and set at least one policy (validatePortTrafficPolicies).
   */
  private static void trafficPolicy(String field, JsonNode policy, FieldErrors errors) {
    clientTls(field + ".tls", policy.path("tls"), errors);
    LocalityLbRules.localityLbSetting(
        field + ".loadBalancer.localityLbSetting",
        policy.path("loadBalancer").path("localityLbSetting"),
        errors);
    JsonNode levels = policy.path("portLevelSettings");
    for (int i = 0; i < levels.size(); i++) {
      JsonNode level = levels.get(i);
      String levelField = field + ".portLevelSettings[" + i + "]";
      if (!level.has("port")) {
        errors.required(levelField + ".port", "portTrafficPolicy must have valid port");
      }
      boolean anyPolicy =
          level.has("outlierDetection")
              || level.has("connectionPool")
              || level.has("loadBalancer")
              || level.has("tls");
      if (!anyPolicy) {
        errors.required(levelField, "port traffic policy must have at least one field");
      } else {
        clientTls(levelField + ".tls", level.path("tls"), errors);
        LocalityLbRules.localityLbSetting(
            levelField + ".loadBalancer.localityLbSetting",
            level.path("loadBalancer").path("localityLbSetting"),
            errors);
      }
    }
  }

  /**
   * agent.ValidateTLS: with insecureSkipVerify, SIMPLE takes no CA certificates, credentialName or
   * subjectAltNames and MUTUAL no CA certificates or subjectAltNames; SIMPLE or MUTUAL with a
   * credentialName takes no certificate, key or CRL files; MUTUAL without one needs a client
   * certificate and key. {@code sni} is free.
   */
  private static void clientTls(String field, JsonNode tls, FieldErrors errors) {
    String mode = tls.path("mode").asText("");
    boolean originating = mode.equals("SIMPLE") || mode.equals("MUTUAL");
    if (tls.path("insecureSkipVerify").asBoolean(false)) {
      boolean verifying =
          tls.has("caCertificates")
              || tls.has("subjectAltNames")
              || (mode.equals("SIMPLE") && tls.has("credentialName"));
      if (originating && verifying) {
        errors.invalid(
            field + ".insecureSkipVerify",
            true,
            "cannot specify CaCertificates or "
                + (mode.equals("SIMPLE") ? "CredentialName or " : "")
                + "SubjectAltNames when InsecureSkipVerify is set true");
      }
    }
    if (originating && tls.has("credentialName")) {
      boolean files =
          tls.has("clientCertificate")
              || tls.has("caCertificates")
              || tls.has("privateKey")
              || tls.has("caCrl");
      if (files) {
        errors.forbidden(
            field,
            "cannot specify client certificates or CA certificate or CA CRL If credentialName is"
                + " set");
      }
      return;
    }
    if (mode.equals("MUTUAL")) {
      if (!tls.has("clientCertificate")) {
        errors.required(field + ".clientCertificate", "client certificate required for mutual tls");
      }
      if (!tls.has("privateKey")) {
        errors.required(field + ".privateKey", "private key required for mutual tls");
      }
    }
  }
}
