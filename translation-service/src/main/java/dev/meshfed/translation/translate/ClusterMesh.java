package dev.meshfed.translation.translate;

import dev.meshfed.translation.model.ControlPlaneInput;
import dev.meshfed.translation.model.EastWestGatewayInput;
import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.model.NodeInput;
import dev.meshfed.translation.model.ObjectId;
import java.util.Comparator;
import java.util.Optional;

/** A cluster's Istio: the control plane meshfed writes to and the east-west gateway it uses. */
record ClusterMesh(String cluster, ControlPlaneInput controlPlane, EastWestGatewayInput gateway) {

  /** The default-revision istiod if there is one, else the first by namespace and name. */
  static Optional<ControlPlaneInput> controlPlane(MeshInputs inputs, String cluster) {
    return inputs
        .inCluster(cluster, ControlPlaneInput.class)
        .min(
            Comparator.comparing((ControlPlaneInput cp) -> cp.revision() != null)
                .thenComparing(ControlPlaneInput::id));
  }

  /** The first east-west gateway (by namespace and name) that other clusters can reach. */
  static Optional<EastWestGatewayInput> gateway(MeshInputs inputs, String cluster) {
    return inputs
        .inCluster(cluster, EastWestGatewayInput.class)
        .filter(gateway -> endpoint(inputs, gateway).isPresent())
        .findFirst();
  }

  /** An address and port other clusters reach a gateway at; the Node it is on, if one. */
  record Endpoint(String address, int port, Optional<ObjectId> node) {}

  /**
   * Where other clusters reach a gateway with a port named tls: its load balancer address on that
   * port, else, with a nodePort, the first ready node (by name) that has an ExternalIP or an
   * InternalIP, on the nodePort (clusters without load balancers, as in the libvirt seed).
   */
  static Optional<Endpoint> endpoint(MeshInputs inputs, EastWestGatewayInput gateway) {
    if (gateway.tlsPort() == null) {
      return Optional.empty();
    }
    if (gateway.address() != null && !gateway.address().isBlank()) {
      return Optional.of(new Endpoint(gateway.address(), gateway.tlsPort(), Optional.empty()));
    }
    if (gateway.nodePort() == null) {
      return Optional.empty();
    }
    return inputs
        .inCluster(gateway.id().cluster(), NodeInput.class)
        .filter(node -> node.ready() && node.reachableAddress() != null)
        .findFirst()
        .map(
            node ->
                new Endpoint(node.reachableAddress(), gateway.nodePort(), Optional.of(node.id())));
  }

  String namespace() {
    return controlPlane.id().namespace();
  }

  String networkingApiVersion() {
    return IstioApi.networkingApiVersion(controlPlane.version());
  }
}
