package dev.meshfed.discovery.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.schema.DiscoveredKinds;
import dev.meshfed.schema.discovery.ExternalEndpointPort;
import dev.meshfed.schema.discovery.ExternalEndpointState;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExternalEndpointMapperTest {

  private static final Map<String, String> LABELS = Map.of("external-service", "httpbin");

  /** Gloo Mesh's docs' httpbin ExternalEndpoint, which its ExternalService selects by label. */
  private static final Map<String, Object> HTTPBIN =
      Map.of(
          "address",
          "httpbin.org",
          "ports",
          List.of(Map.of("name", "http", "number", 80), Map.of("name", "https", "number", 443)));

  private static final ExternalEndpointState HTTPBIN_STATE =
      new ExternalEndpointState(
          "httpbin.org",
          List.of(new ExternalEndpointPort("http", 80), new ExternalEndpointPort("https", 443)),
          LABELS,
          null);

  @Test
  void readsMeshfedsExternalEndpointWithItsOwnLabels() {
    Mapping mapping = ExternalEndpointMapper.map(externalEndpoint(HTTPBIN, LABELS));

    ReadWhole.assertPublished(
        mapping,
        Keys.of(DiscoveredKinds.EXTERNAL_ENDPOINT, "gloo-mesh", "httpbin"),
        "meshfed.dev/v1alpha1",
        HTTPBIN_STATE);
  }

  @Test
  void readsGloosExternalEndpointTheSameUnderAKindOfItsOwn() {
    var gloo =
        externalEndpoint(HTTPBIN, LABELS).toBuilder()
            .withApiVersion("networking.gloo.solo.io/v2")
            .build();

    Mapping mapping = DiscoveryMapper.map(Source.GLOO_EXTERNAL_ENDPOINTS, gloo);

    ReadWhole.assertPublished(
        mapping,
        Keys.of(DiscoveredKinds.GLOO_EXTERNAL_ENDPOINT, "gloo-mesh", "httpbin"),
        "networking.gloo.solo.io/v2",
        HTTPBIN_STATE);
  }

  @Test
  void withoutFieldsOrLabelsItIsEmpty() {
    List<Object> specs = new ArrayList<>(List.of(Map.of(), Map.of("ports", List.of())));
    specs.add(null);
    for (Object spec : specs) {
      Mapping mapping = ExternalEndpointMapper.map(externalEndpoint(spec, null));

      assertThat(mapping.problems()).isEmpty();
      assertThat(state(mapping))
          .isEqualTo(new ExternalEndpointState(null, List.of(), Map.of(), null));
    }
  }

  @Test
  void unknownFieldsAndFieldsOfTheWrongTypeAreProblemsAndTheRestIsPublished() {
    var spec =
        Map.of(
            "address",
            10,
            "ports",
            List.of(
                Map.of("name", "http", "number", "80"),
                Map.of("name", 443, "number", 443, "appProtocol", "https"),
                "8080"),
            "region",
            "us-east-1");

    Mapping mapping = ExternalEndpointMapper.map(externalEndpoint(spec, LABELS));

    assertThat(mapping.problems())
        .containsExactly(
            "spec.region: not supported by meshfed, left out",
            "spec.address: expected a string, found '10'",
            "spec.ports[0].number: expected a whole number, found '80'",
            "spec.ports[1].appProtocol: not supported by meshfed, left out",
            "spec.ports[1].name: expected a string, found '443'",
            "spec.ports[2]: expected an object, found '8080'");
    assertThat(state(mapping))
        .isEqualTo(
            new ExternalEndpointState(
                null,
                List.of(
                    new ExternalEndpointPort("http", null), new ExternalEndpointPort(null, 443)),
                LABELS,
                null));
    assertThat(mapping.writes().get(0).value().getProblems()).isEqualTo(mapping.problems());
  }

  @Test
  void readsItsLocalityAndLeavesOutOneThatIsNoRegionZoneSubZone() {
    for (String good : List.of("us-east", "us-east/us-east-1a", "us-east/us-east-1a/rack-7")) {
      Mapping mapping =
          ExternalEndpointMapper.map(externalEndpoint(Map.of("locality", good), LABELS));

      assertThat(mapping.problems()).isEmpty();
      assertThat(state(mapping).getLocality()).isEqualTo(good);
    }
    for (String bad : List.of("", "us-east//a", "a/b/c/d", "us east")) {
      Mapping mapping =
          ExternalEndpointMapper.map(externalEndpoint(Map.of("locality", bad), LABELS));

      assertThat(mapping.problems())
          .containsExactly(
              "spec.locality: '"
                  + bad
                  + "' is not region, region/zone or region/zone/subZone; left out");
      assertThat(state(mapping).getLocality()).isNull();
    }
  }

  @Test
  void aSpecOfTheWrongTypeIsAProblemAndTheObjectIsStillPublished() {
    Mapping mapping = ExternalEndpointMapper.map(externalEndpoint("httpbin.org", LABELS));

    assertThat(mapping.problems()).containsExactly("spec: expected an object, found 'httpbin.org'");
    assertThat(state(mapping)).isEqualTo(new ExternalEndpointState(null, List.of(), LABELS, null));
  }

  private static GenericKubernetesResource externalEndpoint(
      Object spec, Map<String, String> labels) {
    var endpoint = Fixtures.customResource("ExternalEndpoint", "httpbin", spec);
    endpoint.getMetadata().setLabels(labels);
    return endpoint;
  }

  private static ExternalEndpointState state(Mapping mapping) {
    return (ExternalEndpointState) mapping.writes().get(0).value().getPayload();
  }
}
