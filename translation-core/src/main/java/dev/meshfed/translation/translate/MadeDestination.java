package dev.meshfed.translation.translate;

import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.model.VirtualDestinationInput;
import java.util.stream.Stream;

/**
 * A VirtualDestination meshfed made ({@link DestinationOrigin}) and the audience it serves: the
 * namespaces, per cluster, whose clients get its hosts.
 */
record MadeDestination(VirtualDestinationInput destination, WorkspacePlan audience) {

  /** Every one the inputs make: of Multi-Cluster Services clustersets and OSSM peerings. */
  static Stream<MadeDestination> all(MeshInputs inputs, Membership membership) {
    return Stream.concat(
        ClustersetDestination.all(inputs, membership),
        OssmTranslator.all(inputs).stream()
            .map(unit -> ((UnitId.PeeringUnit) unit).cluster())
            .flatMap(
                cluster ->
                    OssmLinks.destinations(OssmLinks.from(cluster, inputs), inputs).stream()));
  }
}
