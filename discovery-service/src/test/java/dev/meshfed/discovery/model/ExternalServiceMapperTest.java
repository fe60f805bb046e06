package dev.meshfed.discovery.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.schema.DiscoveredKinds;
import dev.meshfed.schema.discovery.ExternalServicePort;
import dev.meshfed.schema.discovery.ExternalServiceState;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExternalServiceMapperTest {

  /** Gloo Mesh's docs' httpbin ExternalService, its endpoints selected by label. */
  private static final Map<String, Object> HTTPBIN =
      Map.of(
          "hosts", List.of("httpbin.org"),
          "ports",
              List.of(
                  Map.of("name", "http", "number", 80, "protocol", "HTTP"),
                  Map.of(
                      "name",
                      "https",
                      "number",
                      443,
                      "protocol",
                      "HTTPS",
                      "clientsideTls",
                      Map.of(),
                      "targetPort",
                      Map.of("name", "https"))),
          "selector", Map.of("external-service", "httpbin"),
          "subjectAltNames", List.of("httpbin.org", "*.httpbin.org"));

  private static final ExternalServiceState HTTPBIN_STATE =
      new ExternalServiceState(
          List.of("httpbin.org"),
          List.of(),
          List.of(
              new ExternalServicePort(80, "http", "HTTP", null, false),
              new ExternalServicePort(443, "https", "HTTPS", "https", true)),
          Map.of("external-service", "httpbin"),
          List.of("httpbin.org", "*.httpbin.org"));

  private static final ExternalServiceState EMPTY =
      new ExternalServiceState(List.of(), List.of(), List.of(), Map.of(), List.of());

  @Test
  void readsMeshfedsExternalService() {
    Mapping mapping = ExternalServiceMapper.map(externalService(HTTPBIN));

    ReadWhole.assertPublished(
        mapping,
        Keys.of(DiscoveredKinds.EXTERNAL_SERVICE, "gloo-mesh", "httpbin"),
        "meshfed.dev/v1alpha1",
        HTTPBIN_STATE);
  }

  @Test
  void readsGloosExternalServiceTheSameUnderAKindOfItsOwn() {
    var gloo =
        externalService(HTTPBIN).toBuilder().withApiVersion("networking.gloo.solo.io/v2").build();

    Mapping mapping = DiscoveryMapper.map(Source.GLOO_EXTERNAL_SERVICES, gloo);

    ReadWhole.assertPublished(
        mapping,
        Keys.of(DiscoveredKinds.GLOO_EXTERNAL_SERVICE, "gloo-mesh", "httpbin"),
        "networking.gloo.solo.io/v2",
        HTTPBIN_STATE);
  }

  @Test
  void readsAddressesAndEveryFormOfTargetPortAsWritten() {
    var spec =
        Map.of(
            "addresses", List.of("10.1.2.3", "192.168.0.0/16"),
            "ports",
                List.of(
                    Map.of("number", 5432, "protocol", "TCP", "targetPort", Map.of("number", 6432)),
                    Map.of("number", 5433, "targetPort", 7432),
                    Map.of("number", 5434, "targetPort", "pg"),
                    Map.of("number", 5435, "targetPort", Map.of())));

    Mapping mapping = ExternalServiceMapper.map(externalService(spec));

    assertThat(mapping.problems()).isEmpty();
    assertThat(state(mapping))
        .isEqualTo(
            new ExternalServiceState(
                List.of(),
                List.of("10.1.2.3", "192.168.0.0/16"),
                List.of(
                    new ExternalServicePort(5432, null, "TCP", "6432", false),
                    new ExternalServicePort(5433, null, null, "7432", false),
                    new ExternalServicePort(5434, null, null, "pg", false),
                    new ExternalServicePort(5435, null, null, null, false)),
                Map.of(),
                List.of()));
  }

  @Test
  void withoutFieldsItsListsAndSelectorAreEmpty() {
    List<Object> specs = new ArrayList<>(List.of(Map.of(), Map.of("selector", Map.of())));
    specs.add(null);
    for (Object spec : specs) {
      Mapping mapping = ExternalServiceMapper.map(externalService(spec));

      assertThat(mapping.problems()).isEmpty();
      assertThat(state(mapping)).isEqualTo(EMPTY);
    }
  }

  @Test
  void egressGatewayRoutesTlsSettingsAndUnknownFieldsAreProblemsAndTheRestIsRead() {
    var spec =
        Map.of(
            "hosts", List.of("httpbin.org"),
            "ports",
                List.of(
                    Map.of(
                        "name",
                        "https",
                        "number",
                        443,
                        "protocol",
                        "HTTPS",
                        "clientsideTls",
                        Map.of("sni", "httpbin.org"),
                        "egressGatewayRoutes",
                        Map.of("virtualGatewayRefs", List.of(Map.of("name", "egress-gw"))))),
            "workspace", "legacy");

    Mapping mapping = ExternalServiceMapper.map(externalService(spec));

    assertThat(mapping.problems())
        .containsExactly(
            "spec.workspace: not supported by meshfed, left out",
            "spec.ports[0].egressGatewayRoutes: not supported by meshfed, left out",
            "spec.ports[0].clientsideTls.sni: not supported by meshfed, left out");
    assertThat(state(mapping))
        .isEqualTo(
            new ExternalServiceState(
                List.of("httpbin.org"),
                List.of(),
                // TLS is still originated, with the proxy's own settings
                List.of(new ExternalServicePort(443, "https", "HTTPS", null, true)),
                Map.of(),
                List.of()));
  }

  @Test
  void fieldsOfTheWrongTypeAreProblemsNamingTheirPathAndTheRestIsPublished() {
    var spec =
        Map.of(
            "hosts", List.of("httpbin.org", 7),
            "addresses", "10.1.2.3",
            "ports",
                List.of(
                    Map.of(
                        "number", "443", "name", 443, "protocol", "HTTPS", "clientsideTls", true),
                    Map.of("number", 80, "protocol", 2, "targetPort", List.of(8080)),
                    Map.of("number", 81, "targetPort", Map.of("number", 1, "name", "http")),
                    "8443"),
            "selector", Map.of("external-service", "httpbin", "tier", 2),
            "subjectAltNames", List.of(Map.of()));

    Mapping mapping = ExternalServiceMapper.map(externalService(spec));

    assertThat(mapping.problems())
        .containsExactly(
            "spec.hosts[1]: expected a string, found '7'",
            "spec.addresses: expected a list, found '10.1.2.3'",
            "spec.ports[0].number: expected a whole number, found '443'",
            "spec.ports[0].name: expected a string, found '443'",
            "spec.ports[0].clientsideTls: expected an object, found 'true'",
            "spec.ports[1].protocol: expected a string, found '2'",
            "spec.ports[1].targetPort: expected a whole number or a string, found a list",
            "spec.ports[2].targetPort: expected a number or a name, found both",
            "spec.ports[3]: expected an object, found '8443'",
            "spec.selector.tier: expected a string, found '2'",
            "spec.subjectAltNames[0]: expected a string, found an object");
    assertThat(state(mapping))
        .isEqualTo(
            new ExternalServiceState(
                List.of("httpbin.org"),
                List.of(),
                List.of(
                    new ExternalServicePort(null, null, "HTTPS", null, false),
                    new ExternalServicePort(80, null, null, null, false),
                    new ExternalServicePort(81, null, null, null, false)),
                // a selector read without an entry would select endpoints that were not selected
                Map.of(),
                List.of()));
    assertThat(mapping.writes().get(0).value().getProblems()).isEqualTo(mapping.problems());
  }

  @Test
  void aSpecOfTheWrongTypeIsAProblemAndTheObjectIsStillPublished() {
    Mapping mapping = ExternalServiceMapper.map(externalService(List.of("httpbin.org")));

    assertThat(mapping.problems()).containsExactly("spec: expected an object, found a list");
    assertThat(state(mapping)).isEqualTo(EMPTY);
  }

  private static GenericKubernetesResource externalService(Object spec) {
    return Fixtures.customResource("ExternalService", "httpbin", spec);
  }

  private static ExternalServiceState state(Mapping mapping) {
    return (ExternalServiceState) mapping.writes().get(0).value().getPayload();
  }
}
