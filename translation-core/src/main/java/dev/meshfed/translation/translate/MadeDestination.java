package dev.meshfed.translation.translate;

import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.model.ServiceInput;
import dev.meshfed.translation.model.VirtualDestinationInput;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A VirtualDestination meshfed made ({@link DestinationOrigin}) and the audience it serves: the
 * namespaces, per cluster, whose clients get its hosts.
 *
 * @param localities per consuming cluster, the locality its clients see the other clusters'
 *     endpoints in, where the consumer says (an OSSM ImportedServiceSet's); else the endpoints' own
 * @param joins per consuming cluster, its own Service whose host the destination's is, where the
 *     other clusters' endpoints join that Service's (OSSM importAsLocal; see {@link
 *     JoinedServiceObjects})
 * @param sources per consuming cluster, the inputs there that make it reach that cluster (an OSSM
 *     peering's peers and ImportedServiceSet): its objects there name them in their provenance
 */
record MadeDestination(
    VirtualDestinationInput destination,
    WorkspacePlan audience,
    Map<String, String> localities,
    Map<String, ServiceInput> joins,
    Map<String, List<ObjectId>> sources) {

  MadeDestination {
    localities = Map.copyOf(localities);
    joins = Map.copyOf(joins);
    sources = Map.copyOf(sources);
  }

  MadeDestination(VirtualDestinationInput destination, WorkspacePlan audience) {
    this(destination, audience, Map.of(), Map.of(), Map.of());
  }

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
