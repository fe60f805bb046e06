package dev.meshfed.translation.translate;

import dev.meshfed.translation.model.AccessPolicyInput;
import dev.meshfed.translation.model.DestinationSelector;
import dev.meshfed.translation.model.FailoverPolicyInput;
import dev.meshfed.translation.model.Input;
import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.model.MirrorPolicyInput;
import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.model.OutlierDetectionPolicyInput;
import dev.meshfed.translation.model.ServiceInput;
import dev.meshfed.translation.model.VirtualDestinationInput;
import dev.meshfed.translation.model.VirtualDestinationInput.ObjectSelector;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Which units a change to a Service, a workload or a VirtualDestination itself can change. */
final class VirtualDestinationUnits {

  private VirtualDestinationUnits() {}

  /**
   * Those whose selectors pick the service before or after the change, whatever its workspace;
   * their WorkloadEntries only if the change is more than the service's ports, which they do not
   * read.
   */
  static SortedSet<UnitId> selecting(
      Optional<Input> before, Optional<Input> after, MeshInputs inputs) {
    SortedSet<UnitId> units = new TreeSet<>(FederationTranslator.UNIT_ORDER);
    boolean portsOnly = portsOnly(before, after);
    Stream.concat(before.stream(), after.stream())
        .filter(ServiceInput.class::isInstance)
        .map(ServiceInput.class::cast)
        .forEach(
            service ->
                VirtualDestinationTranslator.all(inputs)
                    .filter(vd -> vd.services().stream().anyMatch(s -> couldSelect(s, service)))
                    .forEach(
                        vd ->
                            units.addAll(
                                portsOnly
                                    ? List.of(UnitId.virtualDestination(vd.id()))
                                    : UnitId.virtualDestinationUnits(vd.id()))));
    return units;
  }

  /** Whether a change is to a Service's ports and nothing else of it. */
  static boolean portsOnly(Optional<Input> before, Optional<Input> after) {
    if (before.isEmpty()
        || after.isEmpty()
        || !(before.get() instanceof ServiceInput was)
        || !(after.get() instanceof ServiceInput is)) {
      return false;
    }
    return new ServiceInput(
            was.id(),
            was.type(),
            was.labels(),
            was.selector(),
            is.ports(),
            was.creationTimestamp(),
            was.headless(),
            was.exportTo())
        .equals(is);
  }

  /** Those that could be backed by a service in the namespace and cluster of a workload. */
  static SortedSet<UnitId> backedIn(ObjectId workload, MeshInputs inputs) {
    SortedSet<UnitId> units = new TreeSet<>(FederationTranslator.UNIT_ORDER);
    VirtualDestinationTranslator.all(inputs)
        .filter(vd -> vd.services().stream().anyMatch(s -> couldBeIn(s, workload)))
        .map(VirtualDestinationInput::id)
        .forEach(id -> units.addAll(UnitId.virtualDestinationUnits(id)));
    return units;
  }

  /**
   * What a change to a VirtualDestination itself can change, when that is known to be little: one
   * that keeps its hosts and backing selectors, is valid before and after and collides with no
   * other, changes its own objects, the RouteTables routing to it and the statuses of the
   * destination policies selecting it (before or after: by its labels and ports). Empty means
   * "all": its hosts, backing or validity changed, or a rival or a mirror depends on it.
   */
  static Optional<SortedSet<UnitId>> changedItself(
      Optional<Input> before, Optional<Input> after, MeshInputs inputs, Membership membership) {
    if (before.isEmpty()
        || after.isEmpty()
        || !(before.get() instanceof VirtualDestinationInput was)
        || !(after.get() instanceof VirtualDestinationInput is)
        || !was.hosts().equals(is.hosts())
        || !was.services().equals(is.services())
        || !was.externalServices().equals(is.externalServices())
        || !VirtualDestinationCheck.problems(was).isEmpty()
        || !VirtualDestinationCheck.problems(is).isEmpty()
        || VirtualDestinationClaims.anyRival(is, inputs)
        || mirrored(is, inputs)) {
      return Optional.empty();
    }
    SortedSet<UnitId> units = new TreeSet<>(FederationTranslator.UNIT_ORDER);
    units.add(UnitId.virtualDestination(is.id()));
    units.addAll(RouteTableUnits.routingTo(new TreeSet<>(units), inputs));
    String workspace =
        membership
            .workspaceOf(is.id().cluster(), is.id().namespace())
            .map(WorkspacePlan::name)
            .orElse("");
    Predicate<Selecting> selects =
        p ->
            p.destinations().isEmpty()
                || DestinationPolicies.slots(p.destinations(), PolicyDestination.of(was), workspace)
                    .findAny()
                    .isPresent()
                || DestinationPolicies.slots(p.destinations(), PolicyDestination.of(is), workspace)
                    .findAny()
                    .isPresent();
    List<Selecting> failover =
        inputs
            .all(FailoverPolicyInput.class)
            .map(p -> selector(p, p.applyToDestinations()))
            .filter(selects)
            .toList();
    Stream.of(
            failover.stream(),
            inputs
                .all(OutlierDetectionPolicyInput.class)
                .map(p -> selector(p, p.applyToDestinations()))
                .filter(selects),
            inputs
                .all(AccessPolicyInput.class)
                .map(p -> selector(p, p.applyToDestinations()))
                .filter(selects))
        .flatMap(policies -> policies)
        .forEach(p -> units.add(UnitId.policy(p.policy())));
    if (!failover.isEmpty() || !samePortNames(was, is)) {
      units.add(UnitId.virtualDestinationEndpoints(is.id()));
    }
    return Optional.of(units);
  }

  /**
   * Whether its WorkloadEntries come out as before, failover aside: of it they read only its name,
   * first host and port names (a gateway's port is named after each of its ports), and the other
   * fields that differ here are ports, labels and generation. Its ports and labels also choose the
   * failover policies whose priorities label the entries: with any selecting it, they are
   * recomputed.
   */
  private static boolean samePortNames(VirtualDestinationInput was, VirtualDestinationInput is) {
    return was.ports().stream()
        .map(VirtualDestinationObjects::portName)
        .toList()
        .equals(is.ports().stream().map(VirtualDestinationObjects::portName).toList());
  }

  private record Selecting(ObjectId policy, List<DestinationSelector> destinations) {}

  private static Selecting selector(Input policy, List<DestinationSelector> destinations) {
    return new Selecting(policy.id(), destinations);
  }

  /** Whether a MirrorPolicy copies requests to it: those routes are not known from it alone. */
  private static boolean mirrored(VirtualDestinationInput vd, MeshInputs inputs) {
    return inputs
        .all(MirrorPolicyInput.class)
        .anyMatch(
            p ->
                p.destination() != null && RouteDestinations.refersTo(p.destination(), p.id(), vd));
  }

  private static boolean couldSelect(ObjectSelector selector, ServiceInput service) {
    return couldBeIn(selector, service.id())
        && Selectors.matchesIfSet(selector.name(), service.id().name())
        && Selectors.containsAll(service.labels(), selector.labels());
  }

  private static boolean couldBeIn(ObjectSelector selector, ObjectId object) {
    return Selectors.matchesIfSet(selector.namespace(), object.namespace())
        && Selectors.matchesIfSet(selector.cluster(), object.cluster());
  }
}
