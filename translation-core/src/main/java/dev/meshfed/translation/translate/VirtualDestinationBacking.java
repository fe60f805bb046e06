package dev.meshfed.translation.translate;

import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.model.ServiceInput;
import dev.meshfed.translation.model.VirtualDestinationInput;
import dev.meshfed.translation.model.VirtualDestinationInput.ObjectSelector;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The services backing a VirtualDestination: one per cluster, the oldest where its selectors pick
 * several. A selector picks services of the VirtualDestination's own workspace, or of another that
 * exports them to it and that it imports from (its {@code workspace} field names which); removed
 * clusters back nothing.
 *
 * @param services per cluster, its backing service
 * @param warnings what the selectors picked but could not use
 */
record VirtualDestinationBacking(SortedMap<String, ServiceInput> services, List<String> warnings) {

  private static final Comparator<ServiceInput> OLDEST_FIRST =
      Comparator.comparing(
              ServiceInput::creationTimestamp, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(ServiceInput::id);

  static VirtualDestinationBacking of(
      VirtualDestinationInput vd,
      WorkspacePlan workspace,
      MeshInputs inputs,
      Membership membership) {
    Map<String, List<ServiceInput>> byCluster =
        candidates(vd, inputs)
            .filter(s -> membership.removal(s.id().cluster()).isEmpty())
            .filter(
                s ->
                    vd.services().stream()
                        .anyMatch(sel -> selects(vd, sel, s, workspace, membership)))
            .sorted(OLDEST_FIRST)
            .collect(
                Collectors.groupingBy(s -> s.id().cluster(), TreeMap::new, Collectors.toList()));
    SortedMap<String, ServiceInput> services = new TreeMap<>();
    List<String> warnings = new ArrayList<>();
    byCluster.forEach(
        (cluster, selected) -> {
          services.put(cluster, selected.get(0));
          if (selected.size() > 1) {
            warnings.add(
                "spec.services selects "
                    + selected.size()
                    + " services in cluster "
                    + cluster
                    + " ("
                    + selected.stream()
                        .map(s -> s.id().namespace() + "/" + s.id().name())
                        .collect(Collectors.joining(", "))
                    + "): the oldest, "
                    + selected.get(0).id().namespace()
                    + "/"
                    + selected.get(0).id().name()
                    + ", backs the host there");
          }
        });
    return new VirtualDestinationBacking(services, warnings);
  }

  /** Whether a cluster backs the VirtualDestination: one of its services is selected. */
  static boolean backedIn(
      String cluster,
      VirtualDestinationInput vd,
      WorkspacePlan workspace,
      MeshInputs inputs,
      Membership membership) {
    return membership.removal(cluster).isEmpty()
        && candidates(vd, inputs)
            .filter(s -> s.id().cluster().equals(cluster))
            .anyMatch(
                s ->
                    vd.services().stream()
                        .anyMatch(sel -> selects(vd, sel, s, workspace, membership)));
  }

  /**
   * The services that its selectors may pick, each once: by the name a selector sets, else by one
   * of its labels; a selector with neither reads every service.
   */
  private static Stream<ServiceInput> candidates(VirtualDestinationInput vd, MeshInputs inputs) {
    Set<ServiceInput> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    return vd.services().stream().flatMap(sel -> candidates(sel, inputs)).filter(seen::add);
  }

  private static Stream<ServiceInput> candidates(ObjectSelector selector, MeshInputs inputs) {
    if (selector.name() != null && !selector.name().isEmpty()) {
      return inputs.servicesNamed(selector.name());
    }
    return new TreeMap<>(selector.labels())
        .entrySet().stream()
            .findFirst()
            .map(label -> inputs.servicesLabelled(label.getKey(), label.getValue()))
            .orElseGet(() -> inputs.all(ServiceInput.class));
  }

  private static boolean selects(
      VirtualDestinationInput vd,
      ObjectSelector selector,
      ServiceInput service,
      WorkspacePlan vdWorkspace,
      Membership membership) {
    if (!Selectors.matchesIfSet(selector.name(), service.id().name())
        || !Selectors.matchesIfSet(selector.namespace(), service.id().namespace())
        || !Selectors.matchesIfSet(selector.cluster(), service.id().cluster())
        || !Selectors.containsAll(service.labels(), selector.labels())) {
      return false;
    }
    if (DestinationOrigin.madeByMeshfed(vd.id())) {
      return true; // what meshfed made names exactly the services that back it
    }
    Optional<WorkspacePlan> owner =
        membership.workspaceOf(service.id().cluster(), service.id().namespace());
    if (owner.isEmpty()) {
      return false;
    }
    String wanted = selector.workspace() == null ? vdWorkspace.name() : selector.workspace();
    if (!Selectors.matchesNameOrAny(wanted, owner.get().name())) {
      return false;
    }
    return owner.get().name().equals(vdWorkspace.name())
        || ServiceSharing.allows(owner.get().exportTo(), vdWorkspace.workspace(), service)
            && ServiceSharing.allows(vdWorkspace.importFrom(), owner.get().workspace(), service);
  }
}
