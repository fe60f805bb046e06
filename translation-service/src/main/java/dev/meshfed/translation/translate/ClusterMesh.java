package dev.meshfed.translation.translate;

import dev.meshfed.translation.model.ControlPlaneInput;
import dev.meshfed.translation.model.EastWestGatewayInput;
import dev.meshfed.translation.model.MeshInputs;
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

  /** The first east-west gateway (by namespace and name) that has an address and a tls port. */
  static Optional<EastWestGatewayInput> gateway(MeshInputs inputs, String cluster) {
    return inputs
        .inCluster(cluster, EastWestGatewayInput.class)
        .filter(EastWestGatewayInput::isUsable)
        .findFirst();
  }

  String namespace() {
    return controlPlane.id().namespace();
  }

  String networkingApiVersion() {
    return IstioApi.networkingApiVersion(controlPlane.version());
  }
}
