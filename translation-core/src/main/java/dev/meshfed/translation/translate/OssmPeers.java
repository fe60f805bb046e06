package dev.meshfed.translation.translate;

import dev.meshfed.translation.model.ExportedServiceSetInput;
import dev.meshfed.translation.model.ImportedServiceSetInput;
import dev.meshfed.translation.model.Input;
import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.model.ServiceMeshPeerInput;
import java.util.List;
import java.util.Optional;

/**
 * Where OpenShift Service Mesh's federation kinds count, as OSSM reads them: in the mesh's
 * control-plane namespace (istiod's), and the sets named exactly as a peer there. A peer is the
 * meshfed cluster of its name, or the one its annotation meshfed.dev/cluster names.
 */
final class OssmPeers {

  private OssmPeers() {}

  /** Why an OSSM input counts for nothing where it is, if it does not. */
  static Optional<String> misplaced(Input input, MeshInputs inputs) {
    String cluster = input.id().cluster();
    Optional<String> controlPlane = controlPlaneNamespace(cluster, inputs);
    if (controlPlane.isEmpty()) {
      return Optional.of("cluster " + cluster + " has no Istio control plane to federate");
    }
    if (!input.id().namespace().equals(controlPlane.get())) {
      return Optional.of(
          "it is in namespace "
              + input.id().namespace()
              + ", not in the control-plane namespace "
              + controlPlane.get()
              + " of cluster "
              + cluster
              + ", where OSSM reads it");
    }
    if (input instanceof ServiceMeshPeerInput peer) {
      if (!inputs.clusters().contains(peer.remoteCluster())) {
        return Optional.of(
            "no cluster "
                + peer.remoteCluster()
                + " is in the mesh: name the peer as the cluster, or annotate it"
                + " meshfed.dev/cluster with the cluster's name");
      }
      if (peer.remoteCluster().equals(cluster)) {
        return Optional.of("it names its own cluster " + cluster);
      }
      return Optional.empty();
    }
    if (peer(cluster, input.id().name(), inputs).isEmpty()) {
      return Optional.of(
          "no ServiceMeshPeer "
              + input.id().name()
              + " in "
              + input.id().namespace()
              + " of cluster "
              + cluster
              + ": a set is named after the peer it "
              + (input instanceof ExportedServiceSetInput ? "exports to" : "imports from"));
    }
    return Optional.empty();
  }

  static Optional<String> controlPlaneNamespace(String cluster, MeshInputs inputs) {
    return ClusterMesh.controlPlane(inputs, cluster).map(cp -> cp.id().namespace());
  }

  /** The valid peer of that name in a cluster's control-plane namespace. */
  static Optional<ServiceMeshPeerInput> peer(String cluster, String name, MeshInputs inputs) {
    return inputs
        .inCluster(cluster, ServiceMeshPeerInput.class)
        .filter(p -> p.id().name().equals(name))
        .filter(p -> misplaced(p, inputs).isEmpty())
        .findFirst();
  }

  /** The valid peers of a cluster that name {@code remote}, by name. */
  static List<ServiceMeshPeerInput> naming(String cluster, String remote, MeshInputs inputs) {
    return inputs
        .inCluster(cluster, ServiceMeshPeerInput.class)
        .filter(p -> p.remoteCluster().equals(remote))
        .filter(p -> misplaced(p, inputs).isEmpty())
        .sorted(java.util.Comparator.comparing(p -> p.id().name()))
        .toList();
  }

  /** A cluster's valid ExportedServiceSet for a peer. */
  static Optional<ExportedServiceSetInput> exportsTo(ServiceMeshPeerInput peer, MeshInputs inputs) {
    return inputs
        .inCluster(peer.id().cluster(), ExportedServiceSetInput.class)
        .filter(e -> e.id().namespace().equals(peer.id().namespace()))
        .filter(e -> e.id().name().equals(peer.id().name()))
        .findFirst();
  }

  /** A cluster's valid ImportedServiceSet for a peer. */
  static Optional<ImportedServiceSetInput> importsFrom(
      ServiceMeshPeerInput peer, MeshInputs inputs) {
    return inputs
        .inCluster(peer.id().cluster(), ImportedServiceSetInput.class)
        .filter(i -> i.id().namespace().equals(peer.id().namespace()))
        .filter(i -> i.id().name().equals(peer.id().name()))
        .findFirst();
  }
}
