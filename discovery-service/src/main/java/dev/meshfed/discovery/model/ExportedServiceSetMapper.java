package dev.meshfed.discovery.model;

import static dev.meshfed.discovery.model.LenientReader.field;

import dev.meshfed.schema.DiscoveredKinds;
import dev.meshfed.schema.discovery.ExportedServiceSetState;
import dev.meshfed.schema.discovery.OssmAlias;
import dev.meshfed.schema.discovery.OssmExportRule;
import dev.meshfed.schema.discovery.OssmLabelRequirement;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * OpenShift Service Mesh ExportedServiceSet (federation.maistra.io/v1) → kind
 * ExportedServiceSet.federation.maistra.io: spec.exportRules, in order. A NameSelector rule reads
 * its nameSelector, a LabelSelector rule its labelSelector; the other selector is not read, as OSSM
 * does not read it. A rule is read whole: one with a field that cannot be read, another type, or no
 * selector of its type is left out, since read without that field it would export services that
 * were not exported.
 */
public final class ExportedServiceSetMapper {

  static final String NAME_SELECTOR = "NameSelector";
  static final String LABEL_SELECTOR = "LabelSelector";

  private ExportedServiceSetMapper() {}

  public static Mapping map(GenericKubernetesResource set) {
    var reader = new LenientReader();
    Optional<Map<?, ?>> spec = reader.map(set.getAdditionalProperties().get("spec"), "spec");
    var state =
        new ExportedServiceSetState(
            reader.wholeObjects(
                field(spec, "exportRules"),
                "spec.exportRules",
                (rule, path) -> rule(reader, rule, path)));
    var write =
        new Write(Keys.of(DiscoveredKinds.EXPORTED_SERVICE_SET, set), Envelope.wrap(set, state));
    return new Mapping(List.of(write), reader.problems());
  }

  private static Optional<OssmExportRule> rule(LenientReader reader, Map<?, ?> rule, String path) {
    String type = reader.requiredString(rule.get("type"), path + ".type").orElse(null);
    if (NAME_SELECTOR.equals(type)) {
      return OssmServiceName.selector(reader, rule, "nameSelector", path)
          .map(selector -> byName(reader, selector, path + ".nameSelector"));
    }
    if (LABEL_SELECTOR.equals(type)) {
      return OssmServiceName.selector(reader, rule, "labelSelector", path)
          .map(selector -> byLabels(reader, selector, path + ".labelSelector"));
    }
    if (type != null) {
      OssmServiceName.unknownType(reader, type, path, NAME_SELECTOR + " or " + LABEL_SELECTOR);
    }
    return Optional.empty();
  }

  private static OssmExportRule byName(LenientReader reader, Map<?, ?> selector, String path) {
    OssmServiceName service = OssmServiceName.read(reader, selector, path);
    return OssmExportRule.newBuilder()
        .setType(NAME_SELECTOR)
        .setNamespace(service.namespace())
        .setName(service.name())
        .setAliasNamespace(service.aliasNamespace())
        .setAliasName(service.aliasName())
        .build();
  }

  /** The services of a namespace (any, left out) whose labels match, renamed by the aliases. */
  private static OssmExportRule byLabels(LenientReader reader, Map<?, ?> selector, String path) {
    Optional<Map<?, ?>> labels = reader.map(selector.get("selector"), path + ".selector");
    return OssmExportRule.newBuilder()
        .setType(LABEL_SELECTOR)
        .setNamespace(reader.string(selector.get("namespace"), path + ".namespace").orElse(null))
        .setMatchLabels(
            reader.stringMap(field(labels, "matchLabels"), path + ".selector.matchLabels"))
        .setMatchExpressions(
            reader.objects(
                field(labels, "matchExpressions"),
                path + ".selector.matchExpressions",
                (requirement, itemPath) -> requirement(reader, requirement, itemPath)))
        .setAliases(
            reader.objects(
                selector.get("aliases"),
                path + ".aliases",
                (alias, itemPath) -> Optional.of(alias(reader, alias, itemPath))))
        .build();
  }

  private static Optional<OssmLabelRequirement> requirement(
      LenientReader reader, Map<?, ?> requirement, String path) {
    Optional<String> key = reader.requiredString(requirement.get("key"), path + ".key");
    Optional<String> operator =
        reader.requiredString(requirement.get("operator"), path + ".operator");
    List<String> values = reader.strings(requirement.get("values"), path + ".values");
    return key.flatMap(
        presentKey ->
            operator.map(
                presentOperator -> new OssmLabelRequirement(presentKey, presentOperator, values)));
  }

  private static OssmAlias alias(LenientReader reader, Map<?, ?> alias, String path) {
    OssmServiceName service = OssmServiceName.read(reader, alias, path);
    return new OssmAlias(
        service.namespace(), service.name(), service.aliasNamespace(), service.aliasName());
  }
}
