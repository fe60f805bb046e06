package dev.meshfed.translation.translate;

import dev.meshfed.translation.model.ExportedServiceSetInput;
import dev.meshfed.translation.model.ImportedServiceSetInput;
import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.model.ServiceMeshPeerInput;
import dev.meshfed.translation.translate.Exclusion.Rule;
import dev.meshfed.translation.translate.UnitId.PeeringUnit;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * OpenShift Service Mesh federation, one cluster at a time (see {@link OssmTranslation} for the
 * decisions).
 */
final class OssmTranslator implements Translator<PeeringUnit> {

  static final OssmTranslator INSTANCE = new OssmTranslator();
  static final Set<String> KINDS =
      Set.of(
          VirtualDestinationObjects.SERVICE_ENTRY,
          VirtualDestinationObjects.WORKLOAD_ENTRY,
          VirtualDestinationObjects.DESTINATION_RULE);

  private OssmTranslator() {}

  @Override
  public Set<String> kinds() {
    return KINDS;
  }

  @Override
  public Translation translate(PeeringUnit unit, MeshInputs inputs, Membership membership) {
    return new OssmTranslation(unit.cluster(), inputs, membership).run();
  }

  /** A unit for every cluster holding an OSSM peer or service set. */
  static SortedSet<UnitId> all(MeshInputs inputs) {
    SortedSet<UnitId> units = new TreeSet<>(FederationTranslator.UNIT_ORDER);
    Stream.of(
            inputs.all(ServiceMeshPeerInput.class),
            inputs.all(ExportedServiceSetInput.class),
            inputs.all(ImportedServiceSetInput.class))
        .flatMap(s -> s)
        .forEach(input -> units.add(UnitId.peering(input.id().cluster())));
    return units;
  }

  /**
   * The units whose links make a destination with the object's name: ossm-HOST-NAMESPACE (entries),
   * ossm-HOST-NAMESPACE-CLUSTER (workload entries), ossm-HOST (rules).
   */
  @Override
  public List<PeeringUnit> candidates(DesiredRef ref, MeshInputs inputs, Membership membership) {
    if (!ref.name().startsWith(DestinationOrigin.PEERING.namePrefix())) {
      return List.of();
    }
    return all(inputs).stream()
        .map(PeeringUnit.class::cast)
        .filter(
            unit ->
                OssmLinks.destinations(OssmLinks.from(unit.cluster(), inputs), inputs).stream()
                    .anyMatch(made -> names(made, ref, inputs)))
        .toList();
  }

  /** Whether the destination an OSSM link makes names the object. */
  static boolean names(MadeDestination made, DesiredRef ref, MeshInputs inputs) {
    return VirtualDestinationObjects.names(
        made.destination().id(), made.destination().hosts(), inputs.clusters(), ref.name());
  }

  @Override
  public Exclusion unnamed(DesiredRef ref, MeshInputs inputs, Membership membership) {
    return new Exclusion(
        Rule.NO_SUCH_OBJECT,
        null,
        "no OSSM federation names a "
            + ref.kind()
            + " "
            + ref.name()
            + "; meshfed names an imported service's entries ossm-HOST-NAMESPACE, its workload"
            + " entries ossm-HOST-NAMESPACE-CLUSTER and its rules"
            + " ossm-HOST");
  }
}
