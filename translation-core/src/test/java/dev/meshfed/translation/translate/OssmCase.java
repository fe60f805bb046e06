package dev.meshfed.translation.translate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshfed.translation.model.ExportedServiceSetInput;
import dev.meshfed.translation.model.ImportedServiceSetInput;
import dev.meshfed.translation.model.Input;
import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.model.ServiceMeshPeerInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * OpenShift Service Mesh's kinds in a golden case, in OSSM's own YAML shape under {@code spec} (so
 * that cases read like the resources users write), and the annotation meshfed.dev/cluster as {@code
 * cluster}.
 */
final class OssmCase {

  private OssmCase() {}

  static Input input(ObjectId id, JsonNode o) {
    JsonNode spec = o.path("spec");
    return switch (id.kind()) {
      case "ServiceMeshPeer.federation.maistra.io" ->
          new ServiceMeshPeerInput(
              id,
              text(o.path("cluster")),
              texts(spec.path("remote").path("addresses")),
              number(spec.path("remote").path("discoveryPort")),
              number(spec.path("remote").path("servicePort")),
              text(spec.path("gateways").path("ingress").path("name")),
              text(spec.path("gateways").path("egress").path("name")),
              text(spec.path("security").path("trustDomain")),
              text(spec.path("security").path("clientID")),
              texts(o.path("problems")));
      case "ExportedServiceSet.federation.maistra.io" ->
          new ExportedServiceSetInput(id, exportRules(spec.path("exportRules")), List.of());
      default ->
          new ImportedServiceSetInput(
              id,
              text(spec.path("domainSuffix")),
              locality(spec.path("locality")),
              importRules(spec.path("importRules")),
              List.of());
    };
  }

  private static List<ExportedServiceSetInput.ExportRule> exportRules(JsonNode rules) {
    List<ExportedServiceSetInput.ExportRule> list = new ArrayList<>();
    for (JsonNode rule : rules) {
      JsonNode byName = rule.path("nameSelector");
      JsonNode byLabel = rule.path("labelSelector");
      List<ExportedServiceSetInput.LabelRequirement> expressions = new ArrayList<>();
      byLabel
          .path("selector")
          .path("matchExpressions")
          .forEach(
              e ->
                  expressions.add(
                      new ExportedServiceSetInput.LabelRequirement(
                          e.path("key").asText(),
                          e.path("operator").asText(),
                          texts(e.path("values")))));
      List<ExportedServiceSetInput.Alias> aliases = new ArrayList<>();
      byLabel
          .path("aliases")
          .forEach(
              a ->
                  aliases.add(
                      new ExportedServiceSetInput.Alias(
                          text(a.path("namespace")),
                          text(a.path("name")),
                          text(a.path("alias").path("namespace")),
                          text(a.path("alias").path("name")))));
      list.add(
          new ExportedServiceSetInput.ExportRule(
              rule.path("type").asText(),
              text(byName.has("namespace") ? byName.path("namespace") : byLabel.path("namespace")),
              text(byName.path("name")),
              text(byName.path("alias").path("namespace")),
              text(byName.path("alias").path("name")),
              strings(byLabel.path("selector").path("matchLabels")),
              expressions,
              aliases));
    }
    return list;
  }

  private static List<ImportedServiceSetInput.ImportRule> importRules(JsonNode rules) {
    List<ImportedServiceSetInput.ImportRule> list = new ArrayList<>();
    for (JsonNode rule : rules) {
      JsonNode byName = rule.path("nameSelector");
      list.add(
          new ImportedServiceSetInput.ImportRule(
              rule.path("type").asText(),
              text(byName.path("namespace")),
              text(byName.path("name")),
              text(byName.path("alias").path("namespace")),
              text(byName.path("alias").path("name")),
              rule.path("importAsLocal").asBoolean(false),
              text(rule.path("domainSuffix"))));
    }
    return list;
  }

  private static String locality(JsonNode locality) {
    if (locality.isMissingNode() || !locality.has("region")) {
      return null;
    }
    StringBuilder value = new StringBuilder(locality.path("region").asText());
    for (String part : List.of("zone", "subzone")) {
      if (locality.has(part)) {
        value.append('/').append(locality.path(part).asText());
      }
    }
    return value.toString();
  }

  private static String text(JsonNode node) {
    return node.isMissingNode() || node.isNull() ? null : node.asText();
  }

  private static Integer number(JsonNode node) {
    return node.isNumber() ? node.asInt() : null;
  }

  private static List<String> texts(JsonNode node) {
    List<String> values = new ArrayList<>();
    node.forEach(v -> values.add(v.asText()));
    return values;
  }

  private static Map<String, String> strings(JsonNode node) {
    Map<String, String> values = new TreeMap<>();
    node.fields().forEachRemaining(f -> values.put(f.getKey(), f.getValue().asText()));
    return values;
  }
}
