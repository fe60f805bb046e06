package dev.meshfed.translation.translate;

import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.model.RouteTableInput;
import java.util.SortedSet;
import java.util.TreeSet;

/** Which RouteTables a change to a Service can change: those with a destination naming it. */
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
}
