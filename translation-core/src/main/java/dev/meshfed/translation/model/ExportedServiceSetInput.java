package dev.meshfed.translation.model;

import java.util.List;
import java.util.Map;

/** An OpenShift Service Mesh ExportedServiceSet, named after the peer it exports to. */
public record ExportedServiceSetInput(ObjectId id, List<ExportRule> rules, List<String> problems)
    implements Input {

  public ExportedServiceSetInput {
    rules = List.copyOf(rules);
    problems = List.copyOf(problems);
  }

  /**
   * One of {@code spec.exportRules}, in order: the first that matches a Service exports it.
   *
   * @param type NameSelector or LabelSelector, as written
   * @param namespace null or {@code *}: any
   * @param name a NameSelector's; null or {@code *}: any
   */
  public record ExportRule(
      String type,
      String namespace,
      String name,
      String aliasNamespace,
      String aliasName,
      Map<String, String> matchLabels,
      List<LabelRequirement> matchExpressions,
      List<Alias> aliases) {

    public ExportRule {
      matchLabels = Map.copyOf(matchLabels);
      matchExpressions = List.copyOf(matchExpressions);
      aliases = List.copyOf(aliases);
    }
  }

  public record LabelRequirement(String key, String operator, List<String> values) {

    public LabelRequirement {
      values = List.copyOf(values);
    }
  }

  /** A LabelSelector's alias: services of namespace/name ({@code *} any) exported as the alias. */
  public record Alias(String namespace, String name, String aliasNamespace, String aliasName) {}
}
