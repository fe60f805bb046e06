package dev.meshfed.discovery.model;

import static dev.meshfed.discovery.model.LenientReader.field;

import dev.meshfed.schema.DiscoveredKinds;
import dev.meshfed.schema.discovery.ServiceMeshPeerState;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * OpenShift Service Mesh ServiceMeshPeer (federation.maistra.io/v1) → kind
 * ServiceMeshPeer.federation.maistra.io: the remote mesh's addresses and ports, its gateways'
 * names, its trust domain and client ID, as written, and the meshfed cluster it is from the
 * annotation {@value #CLUSTER_ANNOTATION}. The certificate chain and direct-access flags are not
 * read: meshfed's own trust and gateways stand for them.
 */
public final class ServiceMeshPeerMapper {

  public static final String CLUSTER_ANNOTATION = "meshfed.dev/cluster";

  private ServiceMeshPeerMapper() {}

  public static Mapping map(GenericKubernetesResource peer) {
    var reader = new LenientReader();
    Optional<Map<?, ?>> spec = reader.map(peer.getAdditionalProperties().get("spec"), "spec");
    Optional<Map<?, ?>> remote = reader.map(field(spec, "remote"), "spec.remote");
    Optional<Map<?, ?>> gateways = reader.map(field(spec, "gateways"), "spec.gateways");
    Optional<Map<?, ?>> security = reader.map(field(spec, "security"), "spec.security");
    var state =
        ServiceMeshPeerState.newBuilder()
            .setCluster(cluster(peer))
            .setRemoteAddresses(reader.strings(field(remote, "addresses"), "spec.remote.addresses"))
            .setDiscoveryPort(
                reader
                    .integer(field(remote, "discoveryPort"), "spec.remote.discoveryPort")
                    .orElse(null))
            .setServicePort(
                reader
                    .integer(field(remote, "servicePort"), "spec.remote.servicePort")
                    .orElse(null))
            .setIngressGateway(gateway(reader, gateways, "ingress"))
            .setEgressGateway(gateway(reader, gateways, "egress"))
            .setTrustDomain(
                reader
                    .string(field(security, "trustDomain"), "spec.security.trustDomain")
                    .orElse(null))
            .setClientID(
                reader.string(field(security, "clientID"), "spec.security.clientID").orElse(null))
            .build();
    var write =
        new Write(Keys.of(DiscoveredKinds.SERVICE_MESH_PEER, peer), Envelope.wrap(peer, state));
    return new Mapping(List.of(write), reader.problems());
  }

  private static String cluster(GenericKubernetesResource peer) {
    Map<String, String> annotations = peer.getMetadata().getAnnotations();
    return annotations == null ? null : annotations.get(CLUSTER_ANNOTATION);
  }

  /** spec.gateways.ingress.name or spec.gateways.egress.name. */
  private static String gateway(LenientReader reader, Optional<Map<?, ?>> gateways, String which) {
    String path = "spec.gateways." + which;
    Optional<Map<?, ?>> gateway = reader.map(field(gateways, which), path);
    return reader.string(field(gateway, "name"), path + ".name").orElse(null);
  }
}
