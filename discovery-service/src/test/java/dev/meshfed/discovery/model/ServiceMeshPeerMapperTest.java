package dev.meshfed.discovery.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.schema.DiscoveredKinds;
import dev.meshfed.schema.discovery.DiscoveredObject;
import dev.meshfed.schema.discovery.ServiceMeshPeerState;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceMeshPeerMapperTest {

  /** red-mesh's peer green-mesh, as OSSM 2's federation docs write it. */
  private static final Map<String, Object> GREEN_MESH =
      Map.of(
          "remote",
          Map.of(
              "addresses",
              List.of("ingress-red-mesh.green-mesh-system.apps.domain.com"),
              "discoveryPort",
              8188,
              "servicePort",
              15443),
          "gateways",
          Map.of(
              "ingress", Map.of("name", "ingress-green-mesh"),
              "egress", Map.of("name", "egress-green-mesh")),
          "security",
          Map.of(
              "trustDomain",
              "green-mesh.local",
              "clientID",
              "green-mesh.local/ns/green-mesh-system/sa/egress-red-mesh-service-account",
              "certificateChain",
              Map.of("kind", "ConfigMap", "name", "green-mesh-ca-root-cert")));

  private static final ServiceMeshPeerState GREEN_MESH_STATE =
      new ServiceMeshPeerState(
          "cluster2",
          List.of("ingress-red-mesh.green-mesh-system.apps.domain.com"),
          8188,
          15443,
          "ingress-green-mesh",
          "egress-green-mesh",
          "green-mesh.local",
          "green-mesh.local/ns/green-mesh-system/sa/egress-red-mesh-service-account");

  @Test
  void readsThePeerAsWrittenAndItsClusterFromTheAnnotation() {
    Mapping mapping = ServiceMeshPeerMapper.map(peer(GREEN_MESH, "cluster2"));

    ReadWhole.assertPublished(
        mapping,
        Keys.of(DiscoveredKinds.SERVICE_MESH_PEER, "red-mesh-system", "green-mesh"),
        "federation.maistra.io/v1",
        GREEN_MESH_STATE);
    DiscoveredObject published = mapping.writes().get(0).value();
    assertThat(published.getUid()).isEqualTo(Fixtures.UID);
    assertThat(published.getCreationTimestamp()).isEqualTo(Fixtures.CREATED);
  }

  @Test
  void withoutTheAnnotationTheClusterIsLeftToThePeersName() {
    Mapping mapping = ServiceMeshPeerMapper.map(peer(GREEN_MESH, null));

    assertThat(mapping.problems()).isEmpty();
    assertThat(state(mapping).getCluster()).isNull();
    assertThat(state(mapping).getTrustDomain()).isEqualTo("green-mesh.local");
  }

  @Test
  void anEmptySpecPublishesNothingButThePeer() {
    for (Object spec : new Object[] {null, Map.of()}) {
      Mapping mapping = ServiceMeshPeerMapper.map(peer(spec, null));

      assertThat(mapping.problems()).isEmpty();
      assertThat(state(mapping))
          .isEqualTo(new ServiceMeshPeerState(null, List.of(), null, null, null, null, null, null));
    }
  }

  @Test
  void fieldsOfTheWrongTypeAreProblemsNamingTheirPathAndTheRestIsPublished() {
    var spec =
        Map.of(
            "remote",
            Map.of("addresses", List.of("gw.green.example.com", 5), "discoveryPort", "8188"),
            "gateways",
            Map.of("ingress", "ingress-green-mesh", "egress", Map.of("name", "egress-green-mesh")),
            "security",
            Map.of("trustDomain", 7, "clientID", "green-mesh.local/ns/x/sa/y"));

    Mapping mapping = ServiceMeshPeerMapper.map(peer(spec, "cluster2"));

    assertThat(mapping.problems())
        .containsExactly(
            "spec.remote.addresses[1]: expected a string, found '5'",
            "spec.remote.discoveryPort: expected a whole number, found '8188'",
            "spec.gateways.ingress: expected an object, found 'ingress-green-mesh'",
            "spec.security.trustDomain: expected a string, found '7'");
    assertThat(state(mapping))
        .isEqualTo(
            new ServiceMeshPeerState(
                "cluster2",
                List.of("gw.green.example.com"),
                null,
                null,
                null,
                "egress-green-mesh",
                null,
                "green-mesh.local/ns/x/sa/y"));
    assertThat(mapping.writes().get(0).value().getProblems()).isEqualTo(mapping.problems());
  }

  @Test
  void aDeletedPeerIsATombstoneOfItsKey() {
    Mapping deleted = ServiceMeshPeerMapper.map(peer(GREEN_MESH, "cluster2")).deleted();

    assertThat(deleted.writes())
        .containsExactly(
            Write.tombstone(
                Keys.of(DiscoveredKinds.SERVICE_MESH_PEER, "red-mesh-system", "green-mesh")));
  }

  @Test
  void theServiceMeshPeersSourceMapsWithItWhereTheCrdIsServed() {
    GenericKubernetesResource peer = peer(GREEN_MESH, "cluster2");

    assertThat(DiscoveryMapper.map(Source.SERVICE_MESH_PEERS, peer))
        .isEqualTo(ServiceMeshPeerMapper.map(peer));
    assertThat(Source.SERVICE_MESH_PEERS.groupAndResource())
        .containsExactly("federation.maistra.io", "servicemeshpeers");
    assertThat(Source.SERVICE_MESH_PEERS.resource().orElseThrow().optional()).isTrue();
  }

  private static GenericKubernetesResource peer(Object spec, String cluster) {
    GenericKubernetesResource peer = Fixtures.ossmResource("ServiceMeshPeer", "green-mesh", spec);
    if (cluster != null) {
      peer.getMetadata().setAnnotations(Map.of(ServiceMeshPeerMapper.CLUSTER_ANNOTATION, cluster));
    }
    return peer;
  }

  private static ServiceMeshPeerState state(Mapping mapping) {
    return (ServiceMeshPeerState) mapping.writes().get(0).value().getPayload();
  }
}
