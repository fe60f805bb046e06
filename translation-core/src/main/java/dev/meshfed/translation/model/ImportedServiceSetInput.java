package dev.meshfed.translation.model;

import java.util.List;

/**
 * An OpenShift Service Mesh ImportedServiceSet, named after the peer it imports from.
 *
 * @param domainSuffix null: NAME.NAMESPACE.svc.PEER-imports.local
 * @param locality region[/zone[/subzone]] of the imported endpoints; null: the exporter's own
 */
public record ImportedServiceSetInput(
    ObjectId id,
    String domainSuffix,
    String locality,
    List<ImportRule> rules,
    List<String> problems)
    implements Input {

  public ImportedServiceSetInput {
    rules = List.copyOf(rules);
    problems = List.copyOf(problems);
  }

  /**
   * One of {@code spec.importRules}, in order: the first that matches an exported name imports it.
   *
   * @param namespace the exported namespace; null or {@code *}: any
   * @param name the exported name; null or {@code *}: any
   */
  public record ImportRule(
      String type,
      String namespace,
      String name,
      String aliasNamespace,
      String aliasName,
      boolean importAsLocal,
      String domainSuffix) {}
}
