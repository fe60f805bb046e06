package dev.meshfed.oracle.istio;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Istio's webhook rules for security.istio.io kinds, after pkg/config/validation/validation.go at
 * 1.24 (the function each follows is named on it). Runs after the schema check.
 */
final class SecurityRules {

  private static final List<String> SOURCE_FIELDS =
      List.of(
          "principals",
          "notPrincipals",
          "requestPrincipals",
          "notRequestPrincipals",
          "namespaces",
          "notNamespaces",
          "ipBlocks",
          "notIpBlocks",
          "remoteIpBlocks",
          "notRemoteIpBlocks",
          "serviceAccounts",
          "notServiceAccounts");
  private static final List<String> OPERATION_FIELDS =
      List.of(
          "hosts", "notHosts", "ports", "notPorts", "methods", "notMethods", "paths", "notPaths");

  private SecurityRules() {}

  /** ValidateAuthorizationPolicy. */
  static void authorizationPolicy(JsonNode spec, FieldErrors errors) {
    String action = spec.path("action").asText("ALLOW");
    if (action.equals("CUSTOM") && !spec.has("provider")) {
      errors.required("spec.provider", "must specify a provider for CUSTOM action");
    } else if (!action.equals("CUSTOM") && spec.has("provider")) {
      errors.forbidden("spec.provider", "provider is only allowed for CUSTOM action");
    }
    if (spec.has("selector") && (spec.has("targetRef") || spec.has("targetRefs"))) {
      errors.forbidden("spec", "only one of targetRefs or workloadSelector can be set");
    }
    JsonNode rules = spec.path("rules");
    for (int i = 0; i < rules.size(); i++) {
      rule("spec.rules[" + i + "]", rules.get(i), errors);
    }
    IstioNames.labels(
        "spec.selector.matchLabels", spec.path("selector").path("matchLabels"), errors);
  }

  /** ValidateAuthorizationPolicy's rule loop: from, to and when must each say something. */
  private static void rule(String field, JsonNode rule, FieldErrors errors) {
    if (rule.has("from") && rule.path("from").isEmpty()) {
      errors.required(field + ".from", "`from` must not be empty");
    }
    JsonNode from = rule.path("from");
    for (int i = 0; i < from.size(); i++) {
      String sourceField = field + ".from[" + i + "].source";
      JsonNode source = from.get(i).path("source");
      if (source.isMissingNode() || source.isNull()) {
        errors.required(sourceField, "`from.source` must not be nil");
      } else {
        nonEmptyValues(sourceField, source, SOURCE_FIELDS, "`from.source`", errors);
        ipBlocks(sourceField, source, errors);
      }
    }
    if (rule.has("to") && rule.path("to").isEmpty()) {
      errors.required(field + ".to", "`to` must not be empty");
    }
    JsonNode to = rule.path("to");
    for (int i = 0; i < to.size(); i++) {
      String operationField = field + ".to[" + i + "].operation";
      JsonNode operation = to.get(i).path("operation");
      if (operation.isMissingNode() || operation.isNull()) {
        errors.required(operationField, "`to.operation` must not be nil");
      } else {
        nonEmptyValues(operationField, operation, OPERATION_FIELDS, "`to.operation`", errors);
        ports(operationField + ".ports", operation.path("ports"), errors);
        ports(operationField + ".notPorts", operation.path("notPorts"), errors);
      }
    }
    JsonNode when = rule.path("when");
    for (int i = 0; i < when.size(); i++) {
      JsonNode condition = when.get(i);
      if (condition.path("values").isEmpty() && condition.path("notValues").isEmpty()) {
        errors.required(
            field + ".when[" + i + "]", "at least one of `values` or `notValues` must be set");
      }
      nonEmptyValues(
          field + ".when[" + i + "]", condition, List.of("values", "notValues"), "`when`", errors);
    }
  }

  /**
   * validateSource/validateOperation and checkEmptyValues: at least one field set, and no empty
   * string among its values.
   */
  private static void nonEmptyValues(
      String field, JsonNode object, List<String> names, String what, FieldErrors errors) {
    boolean any = false;
    for (String name : names) {
      JsonNode values = object.path(name);
      any |= !values.isEmpty();
      for (int i = 0; i < values.size(); i++) {
        if (values.get(i).asText().isEmpty()) {
          errors.invalid(field + "." + name + "[" + i + "]", "", "empty value not allowed");
        }
      }
    }
    if (!any && !what.equals("`when`")) {
      errors.required(field, what + " must not be empty");
    }
  }

  private static void ipBlocks(String field, JsonNode source, FieldErrors errors) {
    for (String name : List.of("ipBlocks", "notIpBlocks", "remoteIpBlocks", "notRemoteIpBlocks")) {
      JsonNode blocks = source.path(name);
      for (int i = 0; i < blocks.size(); i++) {
        if (!blocks.get(i).asText().isEmpty()) {
          IstioNames.ipOrSubnet(field + "." + name + "[" + i + "]", blocks.get(i).asText(), errors);
        }
      }
    }
  }

  /** validatePorts: each port a number 1..65535 written as a string. */
  private static void ports(String field, JsonNode ports, FieldErrors errors) {
    for (int i = 0; i < ports.size(); i++) {
      String port = ports.get(i).asText();
      if (!port.matches("\\d{1,5}")
          || Integer.parseInt(port) < 1
          || Integer.parseInt(port) > 65535) {
        errors.invalid(field + "[" + i + "]", port, "port must be a number in the range 1..65535");
      }
    }
  }

  /** ValidatePeerAuthentication: port-level mTLS needs a selector; ports are not 0. */
  static void peerAuthentication(JsonNode spec, FieldErrors errors) {
    JsonNode portLevel = spec.path("portLevelMtls");
    if (!portLevel.isEmpty() && spec.path("selector").path("matchLabels").isEmpty()) {
      errors.forbidden(
          "spec.portLevelMtls", "mesh/namespace peer authentication cannot have port level mTLS");
    }
    portLevel
        .fieldNames()
        .forEachRemaining(
            port -> {
              if (!port.matches("\\d{1,5}")
                  || Integer.parseInt(port) < 1
                  || Integer.parseInt(port) > 65535) {
                errors.invalid("spec.portLevelMtls[" + port + "]", port, "port must be 1..65535");
              }
            });
    IstioNames.labels(
        "spec.selector.matchLabels", spec.path("selector").path("matchLabels"), errors);
  }
}
