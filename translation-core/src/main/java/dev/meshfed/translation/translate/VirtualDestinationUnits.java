package dev.meshfed.translation.translate;

import dev.meshfed.translation.model.Input;
import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.model.ServiceInput;
import dev.meshfed.translation.model.VirtualDestinationInput;
import dev.meshfed.translation.model.VirtualDestinationInput.ObjectSelector;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Which VirtualDestinations a change to a Service or a workload can change. */
final class VirtualDestinationUnits {

  private VirtualDestinationUnits() {}

  /** Those whose selectors pick the service before or after the change, whatever its workspace. */
  static SortedSet<UnitId> selecting(
      Optional<Input> before, Optional<Input> after, MeshInputs inputs) {
    SortedSet<UnitId> units = new TreeSet<>(FederationTranslator.UNIT_ORDER);
    Stream.concat(before.stream(), after.stream())
        .filter(ServiceInput.class::isInstance)
        .map(ServiceInput.class::cast)
        .forEach(
            service ->
                VirtualDestinationTranslator.all(inputs)
                    .filter(vd -> vd.services().stream().anyMatch(s -> couldSelect(s, service)))
                    .forEach(vd -> units.add(UnitId.virtualDestination(vd.id()))));
    return units;
  }

  /** Those that could be backed by a service in the namespace and cluster of a workload. */
  static SortedSet<UnitId> backedIn(ObjectId workload, MeshInputs inputs) {
    SortedSet<UnitId> units = new TreeSet<>(FederationTranslator.UNIT_ORDER);
    VirtualDestinationTranslator.all(inputs)
        .filter(vd -> vd.services().stream().anyMatch(s -> couldBeIn(s, workload)))
        .map(VirtualDestinationInput::id)
        .forEach(id -> units.add(UnitId.virtualDestination(id)));
    return units;
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
