package dev.meshfed.discovery.model;

import dev.meshfed.schema.DiscoveredKinds;
import dev.meshfed.schema.discovery.EastWestGatewayState;
import dev.meshfed.schema.discovery.ServicePort;
import dev.meshfed.schema.discovery.ServiceState;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LoadBalancerIngress;
import io.fabric8.kubernetes.api.model.LoadBalancerStatus;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import io.fabric8.kubernetes.api.model.ServiceStatus;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Service → kind Service, or kind EastWestGateway when labelled istio=eastwestgateway. A Service
 * can gain or lose that label, so every mapping also tombstones the key of the other kind.
 */
public final class ServiceMapper {

  public static final String GATEWAY_LABEL = "istio";
  public static final String GATEWAY_LABEL_VALUE = "eastwestgateway";
  public static final String NETWORK_LABEL = "topology.istio.io/network";
  public static final String TLS_PORT_NAME = "tls";
  public static final String EXPORT_TO_ANNOTATION = "networking.istio.io/exportTo";

  /** The spec.clusterIP of a headless Service: DNS answers with the pods' own addresses. */
  private static final String HEADLESS_CLUSTER_IP = "None";

  private ServiceMapper() {}

  public static Mapping map(Service service) {
    if (isEastWestGateway(service)) {
      return Mapping.of(
          Write.tombstone(Keys.of(DiscoveredKinds.SERVICE, service)),
          new Write(
              Keys.of(DiscoveredKinds.EAST_WEST_GATEWAY, service),
              Envelope.wrap(service, gatewayState(service))));
    }
    return Mapping.of(
        Write.tombstone(Keys.of(DiscoveredKinds.EAST_WEST_GATEWAY, service)),
        new Write(
            Keys.of(DiscoveredKinds.SERVICE, service),
            Envelope.wrap(service, serviceState(service))));
  }

  static boolean isEastWestGateway(Service service) {
    return GATEWAY_LABEL_VALUE.equals(Envelope.label(service, GATEWAY_LABEL));
  }

  static ServiceState serviceState(Service service) {
    ServiceSpec spec = spec(service);
    return ServiceState.newBuilder()
        .setType(Objects.requireNonNullElse(spec.getType(), "ClusterIP"))
        .setLabels(Envelope.labels(service))
        .setSelector(Envelope.sorted(spec.getSelector()))
        .setPorts(ports(spec).stream().map(ServiceMapper::port).toList())
        .setHeadless(HEADLESS_CLUSTER_IP.equals(spec.getClusterIP()))
        .setExportTo(exportTo(service))
        .build();
  }

  /** The namespaces Istio's exportTo annotation names, comma-separated; none when it is unset. */
  static List<String> exportTo(Service service) {
    Map<String, String> annotations = service.getMetadata().getAnnotations();
    String value = annotations == null ? null : annotations.get(EXPORT_TO_ANNOTATION);
    if (value == null) {
      return List.of();
    }
    return Arrays.stream(value.split(",")).map(String::trim).filter(n -> !n.isEmpty()).toList();
  }

  static EastWestGatewayState gatewayState(Service service) {
    ServiceSpec spec = spec(service);
    return EastWestGatewayState.newBuilder()
        .setLabels(Envelope.labels(service))
        .setSelector(Envelope.sorted(spec.getSelector()))
        .setAddress(address(service.getStatus()))
        .setTlsPort(
            tlsPort(ports(spec))
                .map(io.fabric8.kubernetes.api.model.ServicePort::getPort)
                .orElse(null))
        .setNetwork(Envelope.label(service, NETWORK_LABEL))
        .setNodePort(
            tlsPort(ports(spec))
                .map(io.fabric8.kubernetes.api.model.ServicePort::getNodePort)
                .orElse(null))
        .build();
  }

  private static ServiceSpec spec(Service service) {
    return Objects.requireNonNullElseGet(service.getSpec(), ServiceSpec::new);
  }

  private static List<io.fabric8.kubernetes.api.model.ServicePort> ports(ServiceSpec spec) {
    return Objects.requireNonNullElse(spec.getPorts(), List.of());
  }

  private static ServicePort port(io.fabric8.kubernetes.api.model.ServicePort port) {
    return ServicePort.newBuilder()
        .setName(port.getName())
        .setPort(Objects.requireNonNullElse(port.getPort(), 0))
        .setTargetPort(targetPort(port.getTargetPort()))
        .setProtocol(Objects.requireNonNullElse(port.getProtocol(), "TCP"))
        .setAppProtocol(port.getAppProtocol())
        .build();
  }

  private static String targetPort(IntOrString targetPort) {
    if (targetPort == null) {
      return null;
    }
    if (targetPort.getStrVal() != null) {
      return targetPort.getStrVal();
    }
    return targetPort.getIntVal() == null ? null : String.valueOf(targetPort.getIntVal());
  }

  /** The first load balancer ingress: its ip, else its hostname. */
  private static String address(ServiceStatus status) {
    List<LoadBalancerIngress> ingress =
        Optional.ofNullable(status)
            .map(ServiceStatus::getLoadBalancer)
            .map(LoadBalancerStatus::getIngress)
            .orElse(List.of());
    if (ingress.isEmpty()) {
      return null;
    }
    LoadBalancerIngress first = ingress.get(0);
    return nonEmpty(first.getIp()).or(() -> nonEmpty(first.getHostname())).orElse(null);
  }

  private static Optional<io.fabric8.kubernetes.api.model.ServicePort> tlsPort(
      List<io.fabric8.kubernetes.api.model.ServicePort> ports) {
    return ports.stream()
        .filter(port -> TLS_PORT_NAME.equals(port.getName()) && port.getPort() != null)
        .findFirst();
  }

  private static Optional<String> nonEmpty(String value) {
    return Optional.ofNullable(value).filter(text -> !text.isEmpty());
  }
}
