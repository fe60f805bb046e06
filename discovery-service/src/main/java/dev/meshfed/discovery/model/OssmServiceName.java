package dev.meshfed.discovery.model;

import static dev.meshfed.discovery.model.LenientReader.field;

import java.util.Map;
import java.util.Optional;

/**
 * OpenShift Service Mesh's ServiceNameMapping ({@code namespace, name, alias: {namespace, name}}),
 * as written: a namespace or name left out, or {@code *}, is any; an alias field left out keeps the
 * service's own.
 */
record OssmServiceName(String namespace, String name, String aliasNamespace, String aliasName) {

  static OssmServiceName read(LenientReader reader, Map<?, ?> mapping, String path) {
    Optional<Map<?, ?>> alias = reader.map(mapping.get("alias"), path + ".alias");
    return new OssmServiceName(
        reader.string(mapping.get("namespace"), path + ".namespace").orElse(null),
        reader.string(mapping.get("name"), path + ".name").orElse(null),
        reader.string(field(alias, "namespace"), path + ".alias.namespace").orElse(null),
        reader.string(field(alias, "name"), path + ".alias.name").orElse(null));
  }

  /**
   * The selector field a rule's type names ({@code nameSelector}, {@code labelSelector}). Absent,
   * it is a problem: the rule would select any service.
   */
  static Optional<Map<?, ?>> selector(
      LenientReader reader, Map<?, ?> rule, String field, String rulePath) {
    String path = rulePath + "." + field;
    if (rule.get(field) == null) {
      reader.problem(path + ": missing");
    }
    return reader.map(rule.get(field), path);
  }

  /** A rule's type that is none of those it may be: a problem, and the rule is left out. */
  static void unknownType(LenientReader reader, String type, String rulePath, String expected) {
    reader.problem(rulePath + ".type: expected " + expected + ", found '" + type + "'");
  }
}
