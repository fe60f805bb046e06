package dev.meshfed.translation.translate;

import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.model.ServiceExportInput;
import java.util.SortedSet;
import java.util.TreeSet;

/** Which units a change to a ServiceExport, a Service or a workload can change for clustersets. */
final class ClustersetUnits {

  private ClustersetUnits() {}

  /**
   * A clusterset service's own unit, and the gateways of the clusters exporting it: which exports
   * back it decides which east-west gateways pass its host through. None if nothing exports it.
   */
  static SortedSet<UnitId> of(String namespace, String name, MeshInputs inputs) {
    SortedSet<UnitId> units = new TreeSet<>(FederationTranslator.UNIT_ORDER);
    ClustersetExports.named(namespace, name, inputs)
        .forEach(e -> units.add(UnitId.gateway(e.id().cluster())));
    if (!units.isEmpty()) {
      units.add(UnitId.clustersetService(namespace, name));
    }
    return units;
  }

  /** What a change to one export can change: as above, and its own cluster's gateway. */
  static SortedSet<UnitId> ofExport(ObjectId export, MeshInputs inputs) {
    SortedSet<UnitId> units = of(export.namespace(), export.name(), inputs);
    units.add(UnitId.clustersetService(export.namespace(), export.name()));
    units.add(UnitId.gateway(export.cluster()));
    return units;
  }

  /** The clusterset services exported from a workload's namespace and cluster. */
  static SortedSet<UnitId> exportedIn(ObjectId workload, MeshInputs inputs) {
    SortedSet<UnitId> units = new TreeSet<>(FederationTranslator.UNIT_ORDER);
    inputs
        .inCluster(workload.cluster(), ServiceExportInput.class)
        .filter(e -> e.id().namespace().equals(workload.namespace()))
        .forEach(e -> units.add(UnitId.clustersetService(e.id().namespace(), e.id().name())));
    return units;
  }
}
