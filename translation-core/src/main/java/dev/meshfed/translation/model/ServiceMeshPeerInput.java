package dev.meshfed.translation.model;

import java.util.List;

/**
 * An OpenShift Service Mesh ServiceMeshPeer: the remote mesh under the peer's name.
 *
 * @param cluster the meshfed cluster it is, from its annotation meshfed.dev/cluster; null: the
 *     cluster of its name
 * @param trustDomain the remote mesh's trust domain, as this mesh's operators wrote it
 */
public record ServiceMeshPeerInput(
    ObjectId id,
    String cluster,
    List<String> remoteAddresses,
    Integer discoveryPort,
    Integer servicePort,
    String ingressGateway,
    String egressGateway,
    String trustDomain,
    String clientId,
    List<String> problems)
    implements Input {

  public ServiceMeshPeerInput {
    remoteAddresses = List.copyOf(remoteAddresses);
    problems = List.copyOf(problems);
  }

  /** The meshfed cluster the peer names. */
  public String remoteCluster() {
    return cluster == null || cluster.isEmpty() ? id.name() : cluster;
  }
}
