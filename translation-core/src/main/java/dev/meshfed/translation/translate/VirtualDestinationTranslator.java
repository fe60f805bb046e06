package dev.meshfed.translation.translate;

import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.model.VirtualDestinationInput;
import dev.meshfed.translation.translate.Exclusion.Rule;
import dev.meshfed.translation.translate.UnitId.VirtualDestinationUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A VirtualDestination's translation: in every cluster of its workspace, a ServiceEntry for its
 * hosts backed by every cluster's selected service, a DestinationRule per host, WorkloadEntries for
 * the other backing clusters where the cluster backs it too; and its status (see {@link
 * VirtualDestinationTranslation} for the decisions).
 */
final class VirtualDestinationTranslator implements Translator<VirtualDestinationUnit> {

  static final VirtualDestinationTranslator INSTANCE = new VirtualDestinationTranslator();
  static final Set<String> KINDS =
      Set.of(
          VirtualDestinationObjects.SERVICE_ENTRY,
          VirtualDestinationObjects.WORKLOAD_ENTRY,
          VirtualDestinationObjects.DESTINATION_RULE);

  /** How much of a workload entry's name a hashed name keeps for sure (Manifests.objectName). */
  private static final int STEM_CHECKED = 32;

  private VirtualDestinationTranslator() {}

  @Override
  public Set<String> kinds() {
    return KINDS;
  }

  /** Which of its objects a translation builds: the unit's, or all (placement, made ones). */
  enum Part {
    ALL,
    ENTRIES,
    ENDPOINTS;

    boolean entries() {
      return this != ENDPOINTS;
    }

    boolean endpoints() {
      return this != ENTRIES;
    }
  }

  @Override
  public Translation translate(
      VirtualDestinationUnit unit, MeshInputs inputs, Membership membership) {
    Optional<VirtualDestinationInput> vd = of(unit.virtualDestination(), inputs);
    if (vd.isEmpty()) {
      return Translation.EMPTY;
    }
    if (!unit.endpoints()) {
      return new VirtualDestinationTranslation(vd.get(), Part.ENTRIES, inputs, membership).run();
    }
    // the same decisions; the status and diagnostics are the entries' unit's to report
    return Translation.builder()
        .objectsOf(
            new VirtualDestinationTranslation(vd.get(), Part.ENDPOINTS, inputs, membership).run(),
            output -> true,
            ref -> ref.kind().equals(VirtualDestinationObjects.WORKLOAD_ENTRY))
        .build();
  }

  static Optional<VirtualDestinationInput> of(ObjectId id, MeshInputs inputs) {
    return inputs
        .get(id)
        .filter(VirtualDestinationInput.class::isInstance)
        .map(VirtualDestinationInput.class::cast);
  }

  /** Every VirtualDestination of the inputs, of either dialect. */
  static Stream<VirtualDestinationInput> all(MeshInputs inputs) {
    return inputs.all(VirtualDestinationInput.class);
  }

  /** Its entry and workload entries bear its name and namespace; its rules its hosts. */
  @Override
  public List<VirtualDestinationUnit> candidates(
      DesiredRef ref, MeshInputs inputs, Membership membership) {
    return all(inputs)
        .filter(vd -> names(vd, ref, inputs, membership))
        .map(
            vd ->
                new VirtualDestinationUnit(
                    vd.id(), ref.kind().equals(VirtualDestinationObjects.WORKLOAD_ENTRY)))
        .toList();
  }

  private static Stream<String> subsetNames(
      VirtualDestinationInput vd, MeshInputs inputs, Membership membership) {
    return membership
        .workspaceOf(vd.id().cluster(), vd.id().namespace())
        .map(w -> RouteSubsets.requested(vd, w.name(), inputs, membership).keySet().stream())
        .orElse(Stream.empty());
  }

  private static boolean names(
      VirtualDestinationInput vd, DesiredRef ref, MeshInputs inputs, Membership membership) {
    return switch (ref.kind()) {
      case VirtualDestinationObjects.SERVICE_ENTRY ->
          VirtualDestinationObjects.entryName(vd.id()).equals(ref.name());
      case VirtualDestinationObjects.WORKLOAD_ENTRY ->
          namesWorkloadEntry(vd, ref, inputs, membership);
      default ->
          vd.hosts().stream()
              .anyMatch(
                  host ->
                      VirtualDestinationObjects.ruleName(vd.id(), host).equals(ref.name())
                          || VirtualDestinationObjects.gatewayRuleName(vd.id(), host)
                              .equals(ref.name()));
    };
  }

  /**
   * Whether one of its workload entries (per other cluster, and per subset) bears the name. Every
   * such name starts like {@code vd-NAME-NAMESPACE-} (hashed names keep a prefix of it), so the
   * subsets, which scan every RouteTable, are asked only of the VirtualDestinations that could name
   * it: a tombstone asks this of every VirtualDestination.
   */
  private static boolean namesWorkloadEntry(
      VirtualDestinationInput vd, DesiredRef ref, MeshInputs inputs, Membership membership) {
    String stem = ("vd-" + vd.id().name() + "-" + vd.id().namespace() + "-").replace('.', '-');
    if (!ref.name().startsWith(stem.substring(0, Math.min(stem.length(), STEM_CHECKED)))) {
      return false;
    }
    List<String> subsets = subsetNames(vd, inputs, membership).toList();
    return inputs.clusters().stream()
        .anyMatch(
            c ->
                VirtualDestinationObjects.workloadEntryName(vd.id(), c).equals(ref.name())
                    || subsets.stream()
                        .anyMatch(
                            subset ->
                                VirtualDestinationObjects.workloadEntryName(vd.id(), c, subset)
                                    .equals(ref.name())));
  }

  @Override
  public Exclusion unnamed(DesiredRef ref, MeshInputs inputs, Membership membership) {
    return new Exclusion(
        Rule.NO_SUCH_OBJECT,
        null,
        "no VirtualDestination names a "
            + ref.kind()
            + " "
            + ref.name()
            + "; meshfed names its entry vd-NAME-NAMESPACE, its workload entries"
            + " vd-NAME-NAMESPACE-CLUSTER[-SUBSET] and its rules vd-HOST and vd-HOST-gateway");
  }
}
