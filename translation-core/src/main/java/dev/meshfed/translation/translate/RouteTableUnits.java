package dev.meshfed.translation.translate;

import dev.meshfed.translation.model.Input;
import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.model.RoutePolicyInput;
import dev.meshfed.translation.model.RouteTableInput;
import dev.meshfed.translation.model.ServiceInput;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Which units a change to a Service, a VirtualDestination or a RouteTable itself can change. */
final class RouteTableUnits {

  private RouteTableUnits() {}

  static SortedSet<UnitId> referencing(ObjectId service, MeshInputs inputs) {
    SortedSet<UnitId> units = new TreeSet<>(FederationTranslator.UNIT_ORDER);
    inputs
        .all(RouteTableInput.class)
        .filter(
            rt ->
                RouteSubsets.destinations(rt)
                    .anyMatch(d -> RouteDestinations.refersTo(d, rt.id(), service)))
        .forEach(rt -> units.add(UnitId.routeTable(rt.id())));
    return units;
  }

  /** Those with a destination naming one of the VirtualDestinations of {@code units}. */
  static SortedSet<UnitId> routingTo(SortedSet<UnitId> units, MeshInputs inputs) {
    SortedSet<UnitId> routing = new TreeSet<>(FederationTranslator.UNIT_ORDER);
    units.stream()
        .filter(UnitId.VirtualDestinationUnit.class::isInstance)
        .map(u -> ((UnitId.VirtualDestinationUnit) u).virtualDestination())
        .flatMap(id -> VirtualDestinationTranslator.of(id, inputs).stream())
        .forEach(
            vd ->
                inputs
                    .all(RouteTableInput.class)
                    .filter(
                        rt ->
                            RouteSubsets.destinations(rt)
                                .anyMatch(d -> RouteDestinations.refersTo(d, rt.id(), vd)))
                    .forEach(rt -> routing.add(UnitId.routeTable(rt.id()))));
    return routing;
  }

  /**
   * What a change to a RouteTable itself can change, when that is known to be little: one that
   * keeps its hosts, is valid before and after and shares no host with another RouteTable changes
   * its own VirtualServices, the subsets of the VirtualDestinations and Services it routes to
   * (before or after) and the statuses of the route policies selecting its routes. Empty means
   * "all".
   */
  static Optional<SortedSet<UnitId>> changedItself(
      Optional<Input> before, Optional<Input> after, MeshInputs inputs, Membership membership) {
    if (before.isEmpty()
        || after.isEmpty()
        || !(before.get() instanceof RouteTableInput was)
        || !(after.get() instanceof RouteTableInput is)
        || !was.hosts().equals(is.hosts())
        || !RouteTableCheck.problems(was).isEmpty()
        || !RouteTableCheck.problems(is).isEmpty()
        || sharesAHost(is, inputs)) {
      return Optional.empty();
    }
    SortedSet<UnitId> units = new TreeSet<>(FederationTranslator.UNIT_ORDER);
    units.add(UnitId.routeTable(is.id()));
    VirtualDestinationTranslator.all(inputs)
        .filter(
            vd ->
                Stream.of(was, is)
                    .anyMatch(
                        rt ->
                            RouteSubsets.destinations(rt)
                                .anyMatch(d -> RouteDestinations.refersTo(d, rt.id(), vd))))
        .forEach(vd -> units.addAll(UnitId.virtualDestinationUnits(vd.id())));
    // and of the Services
    Stream.of(was, is)
        .flatMap(
            rt ->
                RouteSubsets.destinations(rt)
                    .filter(d -> !d.subset().isEmpty() && d.ref() != null)
                    .filter(d -> RouteDestinations.SERVICE.equals(d.kind()))
                    .flatMap(d -> servicesNamed(d, rt, inputs)))
        .forEach(service -> units.add(UnitId.service(service)));
    String workspace =
        membership
            .workspaceOf(is.id().cluster(), is.id().namespace())
            .map(WorkspacePlan::name)
            .orElse("");
    inputs
        .all(RoutePolicyInput.class)
        .filter(
            p ->
                Stream.of(was, is)
                    .anyMatch(
                        rt ->
                            RouteTableRoutes.of(rt).stream()
                                .anyMatch(r -> RoutePolicies.selects(p, rt, r.route(), workspace))))
        .forEach(p -> units.add(UnitId.policy(p.id())));
    return Optional.of(units);
  }

  private static Stream<ObjectId> servicesNamed(
      RouteTableInput.RouteDestination d, RouteTableInput rt, MeshInputs inputs) {
    return inputs
        .servicesNamed(d.ref().name())
        .filter(s -> RouteDestinations.refersTo(d, rt.id(), s.id()))
        .map(ServiceInput::id);
  }

  private static boolean sharesAHost(RouteTableInput rt, MeshInputs inputs) {
    return inputs
        .all(RouteTableInput.class)
        .filter(other -> !other.id().equals(rt.id()))
        .anyMatch(other -> other.hosts().stream().anyMatch(rt.hosts()::contains));
  }
}
