package dev.meshfed.translation.translate;

import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.model.ServicePortInput;
import dev.meshfed.translation.model.VirtualDestinationInput;
import dev.meshfed.translation.model.VirtualDestinationInput.ObjectSelector;
import dev.meshfed.translation.model.VirtualDestinationInput.Port;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A clusterset service as the VirtualDestination it is to Istio: the host {@code
 * NAME.NAMESPACE.svc.clusterset.local}, backed by the Service of every accepted export, with the
 * clusterset's ports. Its translation is the VirtualDestination's, so no rule of how clients reach
 * local pods and other clusters' gateways is written twice. It bears the oldest export's identity
 * ({@link DestinationOrigin#CLUSTERSET}).
 */
final class ClustersetDestination {

  static final String DOMAIN = "svc.clusterset.local";

  private ClustersetDestination() {}

  static String host(String namespace, String name) {
    return name + "." + namespace + "." + DOMAIN;
  }

  static boolean isHost(String host) {
    return host.endsWith("." + DOMAIN);
  }

  /** Every clusterset service of the inputs, as VirtualDestinations. */
  static Stream<MadeDestination> all(MeshInputs inputs, Membership membership) {
    return ClustersetTranslator.all(inputs).stream()
        .map(UnitId.ClustersetServiceUnit.class::cast)
        .flatMap(
            unit ->
                ClustersetExports.of(unit.namespace(), unit.name(), inputs, membership)
                    .clustersets()
                    .values()
                    .stream())
        .map(c -> new MadeDestination(of(c), c.workspace()));
  }

  static VirtualDestinationInput of(ClustersetExports.Clusterset clusterset) {
    ClustersetExports.Exported oldest = clusterset.accepted().get(0);
    ObjectId id = oldest.export().id();
    return new VirtualDestinationInput(
        id,
        oldest.export().creationTimestamp(),
        0,
        List.of(host(id.namespace(), id.name())),
        clusterset.accepted().stream()
            .map(
                e ->
                    new ObjectSelector(
                        id.name(), id.namespace(), e.export().id().cluster(), null, Map.of()))
            .toList(),
        List.of(),
        Map.of(),
        carried(clusterset).stream().map(p -> new Port(p.port(), Protocols.of(p), null)).toList(),
        List.of());
  }

  /** The ports Istio carries: a UDP or SCTP port is in the ServiceImport only. */
  static List<ServicePortInput> carried(ClustersetExports.Clusterset clusterset) {
    return clusterset.ports().values().stream().filter(Protocols::carried).toList();
  }
}
