package dev.meshfed.discovery.model;

import static dev.meshfed.discovery.model.LenientReader.field;

import dev.meshfed.schema.DiscoveredKinds;
import dev.meshfed.schema.discovery.ImportedServiceSetState;
import dev.meshfed.schema.discovery.OssmImportRule;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * OpenShift Service Mesh ImportedServiceSet (federation.maistra.io/v1) → kind
 * ImportedServiceSet.federation.maistra.io: spec.domainSuffix, spec.locality as
 * region[/zone[/subzone]], and spec.importRules in order. A rule is read whole, as an
 * ExportedServiceSet's is: one with a field that cannot be read, a type other than NameSelector, or
 * no nameSelector is left out, since read without that field it would import more than was written.
 */
public final class ImportedServiceSetMapper {

  static final String NAME_SELECTOR = "NameSelector";
  private static final List<String> LOCALITY_LEVELS = List.of("region", "zone", "subzone");

  private ImportedServiceSetMapper() {}

  public static Mapping map(GenericKubernetesResource set) {
    var reader = new LenientReader();
    Optional<Map<?, ?>> spec = reader.map(set.getAdditionalProperties().get("spec"), "spec");
    var state =
        new ImportedServiceSetState(
            reader.string(field(spec, "domainSuffix"), "spec.domainSuffix").orElse(null),
            locality(reader, field(spec, "locality"), "spec.locality"),
            reader.wholeObjects(
                field(spec, "importRules"),
                "spec.importRules",
                (rule, path) -> rule(reader, rule, path)));
    var write =
        new Write(Keys.of(DiscoveredKinds.IMPORTED_SERVICE_SET, set), Envelope.wrap(set, state));
    return new Mapping(List.of(write), reader.problems());
  }

  /**
   * Istio's locality form: the levels given, from the region down. A level below one not given (a
   * subzone without a zone) cannot be written in it, so it is a problem and left out.
   */
  private static String locality(LenientReader reader, Object value, String path) {
    Optional<Map<?, ?>> locality = reader.map(value, path);
    List<String> levels = new ArrayList<>();
    String absent = null;
    for (String level : LOCALITY_LEVELS) {
      Optional<String> name =
          reader.string(field(locality, level), path + "." + level).filter(text -> !text.isEmpty());
      if (name.isEmpty()) {
        absent = absent == null ? level : absent;
      } else if (absent != null) {
        reader.problem(path + "." + level + ": needs " + path + "." + absent + ", left out");
      } else {
        levels.add(name.get());
      }
    }
    return levels.isEmpty() ? null : String.join("/", levels);
  }

  private static Optional<OssmImportRule> rule(LenientReader reader, Map<?, ?> rule, String path) {
    String type = reader.requiredString(rule.get("type"), path + ".type").orElse(null);
    boolean importAsLocal =
        reader.bool(rule.get("importAsLocal"), path + ".importAsLocal").orElse(false);
    String domainSuffix =
        reader.string(rule.get("domainSuffix"), path + ".domainSuffix").orElse(null);
    if (!NAME_SELECTOR.equals(type)) {
      if (type != null) {
        OssmServiceName.unknownType(reader, type, path, NAME_SELECTOR);
      }
      return Optional.empty();
    }
    String selectorPath = path + ".nameSelector";
    return OssmServiceName.selector(reader, rule, "nameSelector", path)
        .map(selector -> OssmServiceName.read(reader, selector, selectorPath))
        .map(
            service ->
                new OssmImportRule(
                    type,
                    service.namespace(),
                    service.name(),
                    service.aliasNamespace(),
                    service.aliasName(),
                    importAsLocal,
                    domainSuffix));
  }
}
