package dev.meshfed.discovery.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.meshfed.schema.DiscoveredKinds;
import dev.meshfed.schema.discovery.EastWestGatewayState;
import dev.meshfed.schema.discovery.ServicePort;
import dev.meshfed.schema.discovery.ServiceState;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceMapperTest {

  private static final Map<String, String> GATEWAY_LABELS =
      Map.of("istio", "eastwestgateway", "topology.istio.io/network", "network1");

  @Test
  void mapsAServiceWithItsPorts() {
    Service reviews =
        new ServiceBuilder()
            .withMetadata(Fixtures.metadata("bookinfo", "reviews", Map.of("app", "reviews")))
            .withNewSpec()
            .withType("ClusterIP")
            .withSelector(Map.of("app", "reviews"))
            .withPorts(
                new ServicePortBuilder()
                    .withName("http")
                    .withPort(9080)
                    .withTargetPort(new IntOrString(9080))
                    .withProtocol("TCP")
                    .withAppProtocol("http")
                    .build(),
                new ServicePortBuilder()
                    .withName("grpc")
                    .withPort(9090)
                    .withTargetPort(new IntOrString("grpc-port"))
                    .build())
            .endSpec()
            .build();

    Mapping mapping = ServiceMapper.map(reviews);

    Write write = mapping.writes().get(1);
    assertThat(write.key()).isEqualTo(Keys.of(DiscoveredKinds.SERVICE, "bookinfo", "reviews"));
    assertThat(write.value().getApiVersion()).isEqualTo("v1");
    assertThat(write.value().getPayload())
        .isEqualTo(
            new ServiceState(
                "ClusterIP",
                Map.of("app", "reviews"),
                Map.of("app", "reviews"),
                List.of(
                    new ServicePort("http", 9080, "9080", "TCP", "http"),
                    new ServicePort("grpc", 9090, "grpc-port", "TCP", null)),
                false,
                List.of()));
  }

  @Test
  void istiosExportToAnnotationNamesTheNamespacesThatSeeTheService() {
    Service exported =
        new ServiceBuilder(service("bookinfo", "ratings", Map.of()))
            .editMetadata()
            .addToAnnotations(ServiceMapper.EXPORT_TO_ANNOTATION, " bookinfo, istio-system ,")
            .endMetadata()
            .build();

    assertThat(serviceState(exported).getExportTo()).containsExactly("bookinfo", "istio-system");
    assertThat(serviceState(service("bookinfo", "ratings", Map.of())).getExportTo()).isEmpty();
  }

  @Test
  void aServiceWhoseClusterIpIsNoneIsHeadless() {
    Service headless =
        new ServiceBuilder(service("bookinfo", "ratings", Map.of()))
            .editSpec()
            .withClusterIP("None")
            .endSpec()
            .build();

    assertThat(serviceState(headless).getHeadless()).isTrue();
  }

  @Test
  void aServiceWithAClusterIpOrNoneYetIsNotHeadless() {
    Service withIp =
        new ServiceBuilder(service("bookinfo", "ratings", Map.of()))
            .editSpec()
            .withClusterIP("10.96.0.12")
            .endSpec()
            .build();

    assertThat(serviceState(withIp).getHeadless()).isFalse();
    assertThat(serviceState(service("bookinfo", "ratings", Map.of())).getHeadless()).isFalse();
  }

  @Test
  void aServiceTombstonesItsGatewayKeyInCaseItWasOne() {
    Mapping mapping = ServiceMapper.map(service("bookinfo", "reviews", Map.of()));

    assertThat(mapping.writes().get(0))
        .isEqualTo(
            Write.tombstone(Keys.of(DiscoveredKinds.EAST_WEST_GATEWAY, "bookinfo", "reviews")));
  }

  @Test
  void defaultsWhatTheApiServerWouldHaveDefaulted() {
    Service bare =
        new ServiceBuilder()
            .withMetadata(Fixtures.metadata("default", "bare", null))
            .withNewSpec()
            .addNewPort()
            .withPort(80)
            .endPort()
            .endSpec()
            .build();

    var state = (ServiceState) ServiceMapper.map(bare).writes().get(1).value().getPayload();

    assertThat(state.getType()).isEqualTo("ClusterIP");
    assertThat(state.getPorts()).containsExactly(new ServicePort(null, 80, null, "TCP", null));
  }

  @Test
  void aServiceWithoutSpecMapsToAnEmptyState() {
    Service noSpec = new ServiceBuilder().withMetadata(Fixtures.metadata("a", "b", null)).build();

    var state = (ServiceState) ServiceMapper.map(noSpec).writes().get(1).value().getPayload();

    assertThat(state.getPorts()).isEmpty();
    assertThat(state.getSelector()).isEmpty();
  }

  @Test
  void anEastWestGatewayWithAnIp() {
    Service gateway = gatewayWithIngress("172.18.0.10", "ignored.example.com");

    EastWestGatewayState state = gatewayState(gateway);

    assertThat(state)
        .isEqualTo(
            new EastWestGatewayState(
                GATEWAY_LABELS,
                Map.of("istio", "eastwestgateway"),
                "172.18.0.10",
                15443,
                "network1",
                null));
  }

  @Test
  void aNodePortEastWestGatewayCarriesItsTlsNodePort() {
    Service gateway =
        gateway()
            .editSpec()
            .withType("NodePort")
            .editLastPort()
            .withNodePort(32443)
            .endPort()
            .endSpec()
            .build();

    EastWestGatewayState state = gatewayState(gateway);

    assertThat(state.getAddress()).isNull();
    assertThat(state.getTlsPort()).isEqualTo(15443);
    assertThat(state.getNodePort()).isEqualTo(32443);
  }

  @Test
  void anEastWestGatewayWithAHostname() {
    Service gateway = gatewayWithIngress(null, "elb.example.com");

    assertThat(gatewayState(gateway).getAddress()).isEqualTo("elb.example.com");
  }

  @Test
  void anEastWestGatewayWithoutAddressYet() {
    Service gateway = gateway().build();

    EastWestGatewayState state = gatewayState(gateway);

    assertThat(state.getAddress()).isNull();
    assertThat(state.getTlsPort()).isEqualTo(15443);
  }

  @Test
  void anEastWestGatewayWithoutTlsPortOrNetwork() {
    Service gateway =
        new ServiceBuilder()
            .withMetadata(
                Fixtures.metadata("istio-gateways", "gw", Map.of("istio", "eastwestgateway")))
            .withNewSpec()
            .addNewPort()
            .withName("status-port")
            .withPort(15021)
            .endPort()
            .endSpec()
            .build();

    EastWestGatewayState state = gatewayState(gateway);

    assertThat(state.getTlsPort()).isNull();
    assertThat(state.getNetwork()).isNull();
  }

  @Test
  void aGatewayTombstonesItsServiceKey() {
    Mapping mapping = ServiceMapper.map(gateway().build());

    assertThat(mapping.writes())
        .extracting(Write::key, Write::isTombstone)
        .containsExactly(
            tuple(
                Keys.of(DiscoveredKinds.SERVICE, "istio-gateways", "istio-eastwestgateway"), true),
            tuple(
                Keys.of(
                    DiscoveredKinds.EAST_WEST_GATEWAY, "istio-gateways", "istio-eastwestgateway"),
                false));
  }

  @Test
  void aResourceVersionBumpMapsToAnEqualRecord() {
    Service before = service("bookinfo", "reviews", Map.of("app", "reviews"));
    Service after =
        new ServiceBuilder(before).editMetadata().withResourceVersion("99").endMetadata().build();

    assertThat(ServiceMapper.map(after)).isEqualTo(ServiceMapper.map(before));
  }

  private static ServiceState serviceState(Service service) {
    return (ServiceState) ServiceMapper.map(service).writes().get(1).value().getPayload();
  }

  private static EastWestGatewayState gatewayState(Service gateway) {
    return (EastWestGatewayState) ServiceMapper.map(gateway).writes().get(1).value().getPayload();
  }

  private static Service gatewayWithIngress(String ip, String hostname) {
    return gateway()
        .withNewStatus()
        .withNewLoadBalancer()
        .addNewIngress()
        .withIp(ip)
        .withHostname(hostname)
        .endIngress()
        .endLoadBalancer()
        .endStatus()
        .build();
  }

  private static ServiceBuilder gateway() {
    return new ServiceBuilder()
        .withMetadata(
            Fixtures.metadata(
                "istio-gateways", "istio-eastwestgateway", new HashMap<>(GATEWAY_LABELS)))
        .withNewSpec()
        .withType("LoadBalancer")
        .withSelector(Map.of("istio", "eastwestgateway"))
        .addNewPort()
        .withName("status-port")
        .withPort(15021)
        .endPort()
        .addNewPort()
        .withName("tls")
        .withPort(15443)
        .endPort()
        .endSpec();
  }

  private static Service service(String namespace, String name, Map<String, String> labels) {
    return new ServiceBuilder()
        .withMetadata(Fixtures.metadata(namespace, name, labels))
        .withNewSpec()
        .addNewPort()
        .withName("http")
        .withPort(9080)
        .endPort()
        .endSpec()
        .build();
  }
}
