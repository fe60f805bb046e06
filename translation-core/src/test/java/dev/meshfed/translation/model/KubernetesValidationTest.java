package dev.meshfed.translation.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KubernetesValidationTest {

  @Test
  void aServiceAnApiServerStoresHasNoProblem() {
    ServiceInput service =
        service(
            "reviews-v2",
            Map.of("app.kubernetes.io/name", "reviews", "version", "v2"),
            List.of(
                new ServicePortInput("http", 9080, "http-main", "TCP", "kubernetes.io/h2c"),
                new ServicePortInput("dns", 53, "53", "UDP", null),
                new ServicePortInput("dns-tcp", 53, null, "TCP", null)));

    assertThat(KubernetesValidation.problems(service)).isEmpty();
  }

  @Test
  void aSinglePortNeedsNoName() {
    assertThat(
            KubernetesValidation.problems(
                service(
                    "db", Map.of(), List.of(new ServicePortInput(null, 5432, null, null, null)))))
        .isEmpty();
  }

  @Test
  void eachRefusedFieldIsNamed() {
    ServiceInput service =
        service(
            "9lives",
            Map.of("bad key!", "v", "app", "-starts-with-dash"),
            List.of(
                new ServicePortInput(null, 0, "65536", "TCP", null),
                new ServicePortInput("HTTP", 65536, "1234567", "QUIC", "not a name")));

    assertThat(KubernetesValidation.problems(service))
        .anyMatch(p -> p.startsWith("metadata.name: '9lives'"))
        .anyMatch(p -> p.startsWith("spec.selector: key 'bad key!'"))
        .anyMatch(p -> p.startsWith("spec.selector.app: '-starts-with-dash'"))
        .anyMatch(p -> p.startsWith("spec.ports[0].name: required"))
        .anyMatch(p -> p.startsWith("spec.ports[0].port: 0 is not between 1 and 65535"))
        .anyMatch(p -> p.startsWith("spec.ports[0].targetPort: 65536"))
        .anyMatch(p -> p.startsWith("spec.ports[1].name: 'HTTP'"))
        .anyMatch(p -> p.startsWith("spec.ports[1].port: 65536"))
        .anyMatch(p -> p.startsWith("spec.ports[1].protocol: 'QUIC'"))
        .anyMatch(p -> p.startsWith("spec.ports[1].targetPort: 1234567"))
        .anyMatch(p -> p.startsWith("spec.ports[1].appProtocol: 'not a name'"));
  }

  @Test
  void namesPastSixtyThreeCharactersAreRefused() {
    String longest = "a".repeat(63);
    List<ServicePortInput> port = List.of(new ServicePortInput("http", 80, null, null, null));

    assertThat(KubernetesValidation.problems(service(longest, Map.of(), port))).isEmpty();
    assertThat(KubernetesValidation.problems(service(longest + "a", Map.of(), port)))
        .singleElement()
        .asString()
        .startsWith("metadata.name:");
  }

  @Test
  void meshInputsKeepARefusedServiceWhereNoServiceLookUpFindsIt() {
    ServiceInput refused =
        service(
            "ratings", Map.of(), List.of(new ServicePortInput("http", 65536, null, null, null)));
    MeshInputs inputs = MeshInputs.of(List.of(refused));

    assertThat(inputs.get(refused.id())).get().isInstanceOf(RejectedInput.class);
    assertThat(inputs.all(ServiceInput.class)).isEmpty();
    assertThat(inputs.inCluster("c1", ServiceInput.class)).isEmpty();

    ServiceInput fixed =
        service("ratings", Map.of(), List.of(new ServicePortInput("http", 9080, null, null, null)));
    inputs.put(fixed);
    assertThat(inputs.all(ServiceInput.class)).containsExactly(fixed);
    assertThat(inputs.all(RejectedInput.class)).isEmpty();
  }

  @Test
  void aNamespaceOrGatewayKubernetesWouldRefuseIsNamedByItsField() {
    NamespaceInput namespace =
        new NamespaceInput(new ObjectId("c1", "Namespace", "", "Ünï"), Map.of("team", "a b"));
    EastWestGatewayInput gateway =
        new EastWestGatewayInput(
            new ObjectId("c1", "EastWestGateway", "istio-system", "eastwest"),
            Map.of(),
            Map.of("bad key!", "x"),
            "10.0.0.1",
            15443,
            null,
            null);

    assertThat(KubernetesValidation.problems(namespace))
        .anyMatch(p -> p.startsWith("metadata.name: 'Ünï'"))
        .anyMatch(p -> p.startsWith("metadata.labels.team: 'a b'"));
    assertThat(KubernetesValidation.problems(gateway))
        .singleElement()
        .asString()
        .startsWith("spec.selector: key 'bad key!'");
    assertThat(MeshInputs.of(List.of(namespace)).all(NamespaceInput.class)).isEmpty();
  }

  private static ServiceInput service(
      String name, Map<String, String> selector, List<ServicePortInput> ports) {
    return new ServiceInput(
        new ObjectId("c1", "Service", "bookinfo", name), "ClusterIP", Map.of(), selector, ports);
  }
}
