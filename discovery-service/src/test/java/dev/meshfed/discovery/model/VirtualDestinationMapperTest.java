package dev.meshfed.discovery.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.schema.DiscoveredKinds;
import dev.meshfed.schema.discovery.ObjectSelector;
import dev.meshfed.schema.discovery.VirtualDestinationPort;
import dev.meshfed.schema.discovery.VirtualDestinationState;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VirtualDestinationMapperTest {

  /** The workshop's reviews VirtualDestination, as Gloo Mesh's docs write it. */
  private static final Map<String, Object> REVIEWS =
      Map.of(
          "hosts", List.of("reviews.global"),
          "services", List.of(Map.of("labels", Map.of("app", "reviews"), "namespace", "bookinfo")),
          "externalServices",
              List.of(Map.of("name", "reviews-legacy", "workspace", "legacy", "cluster", "c3")),
          "ports",
              List.of(
                  Map.of(
                      "number", 9080, "protocol", "HTTP", "targetPort", Map.of("number", 9080))));

  private static final VirtualDestinationState REVIEWS_STATE =
      new VirtualDestinationState(
          List.of("reviews.global"),
          List.of(new ObjectSelector(null, "bookinfo", null, null, Map.of("app", "reviews"))),
          List.of(new ObjectSelector("reviews-legacy", null, "c3", "legacy", Map.of())),
          Map.of(),
          List.of(new VirtualDestinationPort(9080, "HTTP", "9080")));

  private static final VirtualDestinationState EMPTY =
      new VirtualDestinationState(List.of(), List.of(), List.of(), Map.of(), List.of());

  @Test
  void readsMeshfedsVirtualDestination() {
    Mapping mapping = VirtualDestinationMapper.map(virtualDestination(REVIEWS));

    ReadWhole.assertPublished(
        mapping,
        Keys.of(DiscoveredKinds.VIRTUAL_DESTINATION, "gloo-mesh", "reviews"),
        "meshfed.dev/v1alpha1",
        REVIEWS_STATE);
  }

  @Test
  void readsGloosVirtualDestinationTheSameUnderAKindOfItsOwn() {
    var gloo =
        virtualDestination(REVIEWS).toBuilder()
            .withApiVersion("networking.gloo.solo.io/v2")
            .build();

    Mapping mapping = DiscoveryMapper.map(Source.GLOO_VIRTUAL_DESTINATIONS, gloo);

    ReadWhole.assertPublished(
        mapping,
        Keys.of(DiscoveredKinds.GLOO_VIRTUAL_DESTINATION, "gloo-mesh", "reviews"),
        "networking.gloo.solo.io/v2",
        REVIEWS_STATE);
  }

  @Test
  void readsEveryFormOfTargetPortAsWritten() {
    var ports =
        List.of(
            Map.of("number", 80, "protocol", "HTTP", "targetPort", Map.of("number", 8080)),
            Map.of("number", 81, "protocol", "HTTP2", "targetPort", Map.of("name", "http-web")),
            Map.of("number", 82, "protocol", "GRPC", "targetPort", 9000),
            Map.of("number", 83, "protocol", "TCP", "targetPort", "tcp-db"),
            Map.of("number", 84, "protocol", "TLS"),
            Map.of("number", 85, "targetPort", Map.of()));

    Mapping mapping = VirtualDestinationMapper.map(virtualDestination(Map.of("ports", ports)));

    assertThat(mapping.problems()).isEmpty();
    assertThat(state(mapping).getPorts())
        .containsExactly(
            new VirtualDestinationPort(80, "HTTP", "8080"),
            new VirtualDestinationPort(81, "HTTP2", "http-web"),
            new VirtualDestinationPort(82, "GRPC", "9000"),
            new VirtualDestinationPort(83, "TCP", "tcp-db"),
            new VirtualDestinationPort(84, "TLS", null),
            new VirtualDestinationPort(85, null, null));
  }

  @Test
  void withoutHostsPortsOrSelectorsItsListsAreEmpty() {
    List<Object> specs = new ArrayList<>(List.of(Map.of(), Map.of("hosts", List.of())));
    specs.add(null);
    for (Object spec : specs) {
      Mapping mapping = VirtualDestinationMapper.map(virtualDestination(spec));

      assertThat(mapping.problems()).isEmpty();
      assertThat(state(mapping)).isEqualTo(EMPTY);
    }
  }

  @Test
  void fieldsOfTheWrongTypeAreProblemsNamingTheirPathAndTheRestIsPublished() {
    var spec =
        Map.of(
            "hosts", List.of("reviews.global", 7),
            "services",
                List.of(
                    Map.of("namespace", "bookinfo"),
                    Map.of("name", 5, "namespace", "bookinfo"),
                    Map.of("labels", Map.of("app", true))),
            "externalServices", "reviews-legacy",
            "ports",
                List.of(
                    Map.of("number", "9080", "protocol", "HTTP", "targetPort", 9080),
                    Map.of("number", 9081, "protocol", 2, "targetPort", List.of(9081)),
                    Map.of("number", 9082, "targetPort", Map.of("number", 1, "name", "http")),
                    Map.of("number", 9083, "targetPort", Map.of("number", "http"))));

    Mapping mapping = VirtualDestinationMapper.map(virtualDestination(spec));

    assertThat(mapping.problems())
        .containsExactly(
            "spec.hosts[1]: expected a string, found '7'",
            "spec.services[1].name: expected a string, found '5'",
            "spec.services[2].labels.app: expected a string, found 'true'",
            "spec.externalServices: expected a list, found 'reviews-legacy'",
            "spec.ports[0].number: expected a whole number, found '9080'",
            "spec.ports[1].protocol: expected a string, found '2'",
            "spec.ports[1].targetPort: expected a whole number or a string, found a list",
            "spec.ports[2].targetPort: expected a number or a name, found both",
            "spec.ports[3].targetPort.number: expected a whole number, found 'http'");
    assertThat(state(mapping))
        .isEqualTo(
            new VirtualDestinationState(
                List.of("reviews.global"),
                // a selector read without a field would select more than was written
                List.of(new ObjectSelector(null, "bookinfo", null, null, Map.of())),
                List.of(),
                Map.of(),
                List.of(
                    new VirtualDestinationPort(null, "HTTP", "9080"),
                    new VirtualDestinationPort(9081, null, null),
                    new VirtualDestinationPort(9082, null, null),
                    new VirtualDestinationPort(9083, null, null))));
    assertThat(mapping.writes().get(0).value().getProblems()).isEqualTo(mapping.problems());
  }

  @Test
  void aSpecOfTheWrongTypeIsAProblemAndTheObjectIsStillPublished() {
    Mapping mapping = VirtualDestinationMapper.map(virtualDestination(List.of("reviews.global")));

    assertThat(mapping.problems()).containsExactly("spec: expected an object, found a list");
    assertThat(state(mapping)).isEqualTo(EMPTY);
  }

  private static GenericKubernetesResource virtualDestination(Object spec) {
    return Fixtures.customResource("VirtualDestination", "reviews", spec);
  }

  private static VirtualDestinationState state(Mapping mapping) {
    return (VirtualDestinationState) mapping.writes().get(0).value().getPayload();
  }
}
