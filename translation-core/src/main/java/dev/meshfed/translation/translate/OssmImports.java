package dev.meshfed.translation.translate;

import dev.meshfed.translation.model.ImportedServiceSetInput;
import dev.meshfed.translation.model.ImportedServiceSetInput.ImportRule;
import dev.meshfed.translation.model.ServiceMeshPeerInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What an ImportedServiceSet imports of what its peer exports to it, by OSSM's rules: the first
 * NameSelector rule matching an exported namespace and name ({@code *} any) imports it under the
 * rule's alias, as {@code NAME.NAMESPACE.svc.PEER-imports.local}, or {@code NAME.NAMESPACE.SUFFIX}
 * with a domain suffix (the rule's, else the set's).
 */
final class OssmImports {

  private static final String NAME_SELECTOR = "NameSelector";

  private OssmImports() {}

  /**
   * An exported service imported under a host.
   *
   * @param asLocal the rule asked importAsLocal: the host is the local {@code
   *     NAME.NAMESPACE.svc.cluster.local}, whose Service, if the importer has one, the exporter's
   *     endpoints join
   */
  record Imported(
      OssmExports.Exported exported, String namespace, String name, String host, boolean asLocal) {}

  static List<String> problems(ImportedServiceSetInput set) {
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < set.rules().size(); i++) {
      ImportRule rule = set.rules().get(i);
      if (!NAME_SELECTOR.equals(rule.type())) {
        problems.add(
            "spec.importRules["
                + i
                + "].type: '"
                + rule.type()
                + "' is not NameSelector; the rule matches nothing");
      }
      if (rule.importAsLocal()
          && (rule.aliasNamespace() == null
              || rule.aliasNamespace().isEmpty()
              || rule.aliasNamespace().contains("*"))) {
        problems.add(
            "spec.importRules["
                + i
                + "].importAsLocal: the rule needs nameSelector.alias.namespace, a namespace of"
                + " this mesh the imported services join");
      }
      String suffix = rule.domainSuffix() != null ? rule.domainSuffix() : set.domainSuffix();
      if (suffix != null
          && !suffix.isEmpty()
          && !VirtualDestinationCheck.HOST.matcher(suffix).matches()) {
        problems.add(
            (rule.domainSuffix() != null
                    ? "spec.importRules[" + i + "].domainSuffix"
                    : "spec.domainSuffix")
                + ": '"
                + suffix
                + "' is not a DNS suffix (lower case, with a dot)");
      }
    }
    return problems;
  }

  /** How the set imports an exported service, if a rule of it matches. */
  static Optional<Imported> of(
      ImportedServiceSetInput set, ServiceMeshPeerInput peer, OssmExports.Exported exported) {
    for (ImportRule rule : set.rules()) {
      if (!NAME_SELECTOR.equals(rule.type())
          || !Selectors.matchesNameOrAny(rule.namespace(), exported.namespace())
          || !Selectors.matchesNameOrAny(rule.name(), exported.name())) {
        continue;
      }
      String namespace = OssmExports.aliased(rule.aliasNamespace(), exported.namespace());
      String name = OssmExports.aliased(rule.aliasName(), exported.name());
      String suffix = rule.domainSuffix() != null ? rule.domainSuffix() : set.domainSuffix();
      String host =
          rule.importAsLocal()
              ? name + "." + namespace + ".svc.cluster.local"
              : suffix == null || suffix.isEmpty()
                  ? name + "." + namespace + ".svc." + peer.id().name() + "-imports.local"
                  : name + "." + namespace + "." + suffix;
      return Optional.of(new Imported(exported, namespace, name, host, rule.importAsLocal()));
    }
    return Optional.empty();
  }
}
