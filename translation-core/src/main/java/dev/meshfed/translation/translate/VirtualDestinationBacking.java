package dev.meshfed.translation.translate;

import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.model.ServiceInput;
import dev.meshfed.translation.model.VirtualDestinationInput;
import dev.meshfed.translation.model.VirtualDestinationInput.ObjectSelector;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

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
        inputs
            .all(ServiceInput.class)
            .filter(s -> membership.removal(s.id().cluster()).isEmpty())
            .filter(
                s -> vd.services().stream().anyMatch(sel -> selects(sel, s, workspace, membership)))
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
        && inputs
            .inCluster(cluster, ServiceInput.class)
            .anyMatch(
                s ->
                    vd.services().stream().anyMatch(sel -> selects(sel, s, workspace, membership)));
  }

  private static boolean selects(
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
