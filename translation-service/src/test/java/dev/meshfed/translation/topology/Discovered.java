package dev.meshfed.translation.topology;

import dev.meshfed.schema.discovery.AgentState;
import dev.meshfed.schema.discovery.ClusterRegistrationState;
import dev.meshfed.schema.discovery.ControlPlaneState;
import dev.meshfed.schema.discovery.DiscoveredObject;
import dev.meshfed.schema.discovery.DiscoveryKey;
import dev.meshfed.schema.discovery.EastWestGatewayState;
import dev.meshfed.schema.discovery.FederationOptions;
import dev.meshfed.schema.discovery.NamespaceSelector;
import dev.meshfed.schema.discovery.NamespaceState;
import dev.meshfed.schema.discovery.ServicePort;
import dev.meshfed.schema.discovery.ServiceSelector;
import dev.meshfed.schema.discovery.ServiceState;
import dev.meshfed.schema.discovery.WorkloadClusterSelector;
import dev.meshfed.schema.discovery.WorkspaceSettingsState;
import dev.meshfed.schema.discovery.WorkspaceState;
import java.util.List;
import java.util.Map;

/** Discovered records as a discovery-service would publish them. */
final class Discovered {

  record Entry(DiscoveryKey key, DiscoveredObject value) {}

  private Discovered() {}

  static Entry registration(String cluster) {
    return entry(
        "KubernetesCluster", "gloo-mesh", cluster, new ClusterRegistrationState(Map.of(), false));
  }

  static Entry agent() {
    return entry("Agent", "", "discovery", new AgentState("test", List.of()));
  }

  static Entry namespace(String name) {
    return entry("Namespace", "", name, new NamespaceState(Map.of()));
  }

  static Entry istiod(String version) {
    return entry(
        "ControlPlane",
        "istio-system",
        "istiod",
        new ControlPlaneState("pilot:" + version, version, null, java.util.Map.of()));
  }

  static Entry eastWestGateway(String address) {
    return entry(
        "EastWestGateway",
        "istio-system",
        "istio-eastwestgateway",
        new EastWestGatewayState(
            Map.of(), Map.of("istio", "eastwestgateway"), address, 15443, null, null));
  }

  static Entry service(String namespace, String name, int port) {
    return entry(
        "Service",
        namespace,
        name,
        new ServiceState(
            "ClusterIP",
            Map.of(),
            Map.of("app", name),
            List.of(new ServicePort("http", port, String.valueOf(port), "TCP", null)),
            false,
            java.util.List.of()));
  }

  static Entry workspace(String name, String namespace, String... clusters) {
    List<WorkloadClusterSelector> selectors =
        List.of(clusters).stream()
            .map(
                c ->
                    new WorkloadClusterSelector(
                        c, List.of(new NamespaceSelector(namespace, Map.of())), Map.of()))
            .toList();
    return entry("Workspace", "gloo-mesh", name, new WorkspaceState(selectors, Map.of()));
  }

  static Entry federationSettings(String namespace) {
    FederationOptions federation =
        new FederationOptions(
            true, "global", List.of(new ServiceSelector(null, null, null, Map.of())), List.of());
    return entry(
        "WorkspaceSettings",
        namespace,
        "settings",
        new WorkspaceSettingsState(federation, List.of(), List.of(), null, List.of()));
  }

  /** A record of any kind, created when {@code created} says. */
  static Entry of(String kind, String namespace, String name, String created, Object payload) {
    Entry entry = entry(kind, namespace, name, payload);
    entry.value().setCreationTimestamp(created);
    return entry;
  }

  private static Entry entry(String kind, String namespace, String name, Object payload) {
    DiscoveredObject value =
        DiscoveredObject.newBuilder()
            .setApiVersion("v1")
            .setUid(kind + "/" + namespace + "/" + name)
            .setCreationTimestamp("2026-01-01T00:00:00Z")
            .setPayload(payload)
            .build();
    return new Entry(new DiscoveryKey(kind, namespace, name), value);
  }
}
