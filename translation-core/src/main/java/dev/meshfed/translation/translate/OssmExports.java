package dev.meshfed.translation.translate;

import dev.meshfed.translation.model.ExportedServiceSetInput;
import dev.meshfed.translation.model.ExportedServiceSetInput.Alias;
import dev.meshfed.translation.model.ExportedServiceSetInput.ExportRule;
import dev.meshfed.translation.model.ExportedServiceSetInput.LabelRequirement;
import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.model.ServiceInput;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an ExportedServiceSet exports, by OSSM's rules: each Service of its cluster that the
 * control-plane namespace can see is exported by the first rule that matches it, under the rule's
 * alias or its own name; a NameSelector matches by namespace and name, a LabelSelector by namespace
 * and labels, {@code *} or nothing matching any.
 */
final class OssmExports {

  private static final String NAME_SELECTOR = "NameSelector";
  private static final String LABEL_SELECTOR = "LabelSelector";

  private OssmExports() {}

  /** A Service exported under a name: {@code namespace/name} as the peer sees it. */
  record Exported(ServiceInput service, String namespace, String name) {

    /** As OSSM names it to the peer: NAME.NAMESPACE.svc.PEER-exports.local. */
    String exportedName(String peer) {
      return name + "." + namespace + ".svc." + peer + "-exports.local";
    }
  }

  /** What makes the set's rules invalid, each naming its field (read problems are warnings). */
  static List<String> problems(ExportedServiceSetInput set) {
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < set.rules().size(); i++) {
      String type = set.rules().get(i).type();
      if (!NAME_SELECTOR.equals(type) && !LABEL_SELECTOR.equals(type)) {
        problems.add(
            "spec.exportRules["
                + i
                + "].type: '"
                + type
                + "' is neither NameSelector nor LabelSelector; the rule matches nothing");
      }
    }
    return problems;
  }

  /** What the set exports, by exported namespace and name; the first Service wins a name. */
  static List<Exported> of(ExportedServiceSetInput set, MeshInputs inputs) {
    String controlPlane = set.id().namespace();
    List<Exported> exported = new ArrayList<>();
    inputs
        .inCluster(set.id().cluster(), ServiceInput.class)
        .sorted(Comparator.comparing(ServiceInput::id))
        .filter(s -> visibleTo(s, controlPlane))
        .forEach(
            s ->
                set.rules().stream()
                    .map(rule -> exportedBy(rule, s))
                    .flatMap(Optional::stream)
                    .findFirst()
                    .filter(e -> exported.stream().noneMatch(o -> sameName(o, e)))
                    .ifPresent(exported::add));
    return exported;
  }

  private static boolean sameName(Exported a, Exported b) {
    return a.namespace().equals(b.namespace()) && a.name().equals(b.name());
  }

  /**
   * Whether the control-plane namespace sees the Service: Istio's exportTo annotation, where set,
   * names it, {@code *}, or {@code .} in its own namespace ({@code ~} hides it from all).
   */
  static boolean visibleTo(ServiceInput service, String controlPlane) {
    if (service.exportTo().isEmpty()) {
      return true;
    }
    return service.exportTo().stream()
        .anyMatch(
            to ->
                to.equals("*")
                    || to.equals(controlPlane)
                    || to.equals(".") && service.id().namespace().equals(controlPlane));
  }

  private static Optional<Exported> exportedBy(ExportRule rule, ServiceInput service) {
    String namespace = service.id().namespace();
    String name = service.id().name();
    if (NAME_SELECTOR.equals(rule.type())) {
      if (!Selectors.matchesNameOrAny(rule.namespace(), namespace)
          || !Selectors.matchesNameOrAny(rule.name(), name)) {
        return Optional.empty();
      }
      return Optional.of(
          new Exported(
              service, aliased(rule.aliasNamespace(), namespace), aliased(rule.aliasName(), name)));
    }
    if (LABEL_SELECTOR.equals(rule.type())) {
      if (!Selectors.matchesNameOrAny(rule.namespace(), namespace)
          || !Selectors.containsAll(service.labels(), rule.matchLabels())
          || !rule.matchExpressions().stream().allMatch(e -> holds(e, service.labels()))) {
        return Optional.empty();
      }
      Optional<Alias> alias =
          rule.aliases().stream()
              .filter(a -> Selectors.matchesNameOrAny(a.namespace(), namespace))
              .filter(a -> Selectors.matchesNameOrAny(a.name(), name))
              .findFirst();
      return Optional.of(
          new Exported(
              service,
              aliased(alias.map(Alias::aliasNamespace).orElse(null), namespace),
              aliased(alias.map(Alias::aliasName).orElse(null), name)));
    }
    return Optional.empty();
  }

  /** An alias, where it gives one ({@code *} or nothing keeps the name). */
  static String aliased(String alias, String own) {
    return alias == null || alias.isEmpty() || Selectors.ANY.equals(alias) ? own : alias;
  }

  private static boolean holds(LabelRequirement requirement, Map<String, String> labels) {
    String value = labels.get(requirement.key());
    return switch (requirement.operator()) {
      case "In" -> value != null && requirement.values().contains(value);
      case "NotIn" -> value == null || !requirement.values().contains(value);
      case "Exists" -> value != null;
      case "DoesNotExist" -> value == null;
      default -> false;
    };
  }
}
