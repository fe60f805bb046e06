package dev.meshfed.translation.translate;

import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.model.ServiceExportInput;
import dev.meshfed.translation.translate.Exclusion.Rule;
import dev.meshfed.translation.translate.UnitId.ClustersetServiceUnit;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A Multi-Cluster Services service's translation: what every ServiceExport of one namespace/name
 * makes of it (see {@link ClustersetTranslation} for the decisions).
 */
final class ClustersetTranslator implements Translator<ClustersetServiceUnit> {

  static final ClustersetTranslator INSTANCE = new ClustersetTranslator();
  static final Set<String> KINDS =
      Set.of(
          VirtualDestinationObjects.SERVICE_ENTRY,
          VirtualDestinationObjects.WORKLOAD_ENTRY,
          VirtualDestinationObjects.DESTINATION_RULE,
          ServiceImportObjects.SERVICE_IMPORT);

  private ClustersetTranslator() {}

  @Override
  public Set<String> kinds() {
    return KINDS;
  }

  @Override
  public Translation translate(
      ClustersetServiceUnit unit, MeshInputs inputs, Membership membership) {
    return new ClustersetTranslation(unit.namespace(), unit.name(), inputs, membership).run();
  }

  /** Every exported namespace/name, once. */
  static SortedSet<UnitId> all(MeshInputs inputs) {
    SortedSet<UnitId> units = new TreeSet<>(FederationTranslator.UNIT_ORDER);
    inputs
        .all(ServiceExportInput.class)
        .forEach(e -> units.add(UnitId.clustersetService(e.id().namespace(), e.id().name())));
    return units;
  }

  /** Its ServiceImports bear the service's name and namespace; its Istio objects its host's. */
  @Override
  public List<ClustersetServiceUnit> candidates(
      DesiredRef ref, MeshInputs inputs, Membership membership) {
    return all(inputs).stream()
        .map(ClustersetServiceUnit.class::cast)
        .filter(unit -> names(unit, ref, inputs))
        .toList();
  }

  private static boolean names(ClustersetServiceUnit unit, DesiredRef ref, MeshInputs inputs) {
    if (ref.kind().equals(ServiceImportObjects.SERVICE_IMPORT)) {
      return ref.namespace().equals(unit.namespace()) && ref.name().equals(unit.name());
    }
    String host = ClustersetDestination.host(unit.namespace(), unit.name());
    return ClustersetExports.named(unit.namespace(), unit.name(), inputs).stream()
        .anyMatch(
            e ->
                VirtualDestinationObjects.names(
                    e.id(), List.of(host), inputs.clusters(), ref.name()));
  }

  @Override
  public Exclusion unnamed(DesiredRef ref, MeshInputs inputs, Membership membership) {
    return new Exclusion(
        Rule.NO_SUCH_OBJECT,
        null,
        "no ServiceExport names a "
            + ref.kind()
            + " "
            + ref.name()
            + "; meshfed names a clusterset service's ServiceImport as its Service, its entry"
            + " mcs-NAME-NAMESPACE, its workload entries mcs-NAME-NAMESPACE-CLUSTER and its rules"
            + " mcs-HOST and mcs-HOST-gateway");
  }
}
