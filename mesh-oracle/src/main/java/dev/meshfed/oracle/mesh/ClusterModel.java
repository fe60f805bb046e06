package dev.meshfed.oracle.mesh;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** One cluster's objects, indexed the way istiod reads them. */
final class ClusterModel {

  private final String name;
  private final List<JsonNode> objects;
  private final Optional<ControlPlane> controlPlane;
  private final Map<String, Map<String, String>> namespaces = new TreeMap<>();
  private final List<Pod> pods;
  private final List<MeshService> registry;

  ClusterModel(String name, List<JsonNode> objects) {
    this.name = name;
    this.objects = List.copyOf(objects);
    ofKind("Namespace").forEach(ns -> namespaces.put(Json.name(ns), Json.labels(ns)));
    this.controlPlane = istiod().map(istiod -> ControlPlane.of(istiod, meshConfigMap(istiod)));
    String cpNamespace = controlPlane.map(ControlPlane::namespace).orElse("istio-system");
    this.pods =
        new Workloads(name, namespaces, cpNamespace, this::networkOf, this::nodeLocality)
            .pods(this.objects);
    this.registry = Registry.services(name, this.objects);
  }

  String name() {
    return name;
  }

  Optional<ControlPlane> controlPlane() {
    return controlPlane;
  }

  Set<String> namespaces() {
    return new TreeSet<>(namespaces.keySet());
  }

  List<Pod> pods() {
    return pods;
  }

  List<MeshService> registry() {
    return registry;
  }

  List<JsonNode> ofKind(String kind) {
    return objects.stream().filter(o -> kind.equals(Json.kind(o))).toList();
  }

  /** The root namespace: where mesh-wide Sidecars, DestinationRules and policies live. */
  String rootNamespace() {
    return controlPlane.map(ControlPlane::rootNamespace).orElse("istio-system");
  }

  /** The Ready pods of a namespace that a selector selects. */
  List<Pod> selected(String namespace, Map<String, String> selector) {
    return pods.stream()
        .filter(Pod::ready)
        .filter(p -> p.namespace().equals(namespace) && Selectors.selects(selector, p.labels()))
        .toList();
  }

  /**
   * The network of a namespace's workloads: the namespace's {@code topology.istio.io/network}
   * label, else that of the control-plane namespace (where istiod reads it), else the network its
   * own east-west gateways declare when they agree on one (the installation's values.global.network
   * sets both), else none.
   */
  String networkOf(String namespace) {
    String label = namespaces.getOrDefault(namespace, Map.of()).get(Workloads.NETWORK_LABEL);
    if (label != null) {
      return label;
    }
    String root = controlPlane.map(ControlPlane::namespace).orElse("istio-system");
    String rootLabel = namespaces.getOrDefault(root, Map.of()).get(Workloads.NETWORK_LABEL);
    if (rootLabel != null) {
      return rootLabel;
    }
    java.util.SortedSet<String> gatewayNetworks = new TreeSet<>();
    networkGateways().forEach(g -> gatewayNetworks.add(g.network()));
    return gatewayNetworks.size() == 1 ? gatewayNetworks.first() : "";
  }

  /**
   * The network gateways this cluster's istiod knows: its Services labelled {@code
   * topology.istio.io/network}, at their load-balancer addresses and the {@code
   * networking.istio.io/gatewayPort} label's port, else 15443 (model/network.go, 1.11 and 1.24).
   */
  List<NetworkGateway> networkGateways() {
    List<NetworkGateway> gateways = new ArrayList<>();
    for (JsonNode service : ofKind("Service")) {
      String network = Json.labels(service).get(Workloads.NETWORK_LABEL);
      if (network == null) {
        continue;
      }
      int port =
          Integer.parseInt(
              Json.labels(service).getOrDefault("networking.istio.io/gatewayPort", "15443"));
      for (String address : Addresses.loadBalancer(service)) {
        gateways.add(new NetworkGateway(network, address, port));
      }
    }
    return gateways;
  }

  /** A Service of this cluster reachable at an address and port from outside, if any. */
  Optional<Addresses.Exposed> exposedAt(String address, int port) {
    return Addresses.exposed(ofKind("Service"), ofKind("Node"), address, port);
  }

  /** Whether an address is this cluster's own (see {@link Addresses#inside}). */
  boolean holds(String address) {
    return Addresses.inside(ofKind("Service"), ofKind("Node"), ofKind("Pod"), address);
  }

  private String nodeLocality(String node) {
    return ofKind("Node").stream()
        .filter(n -> Json.name(n).equals(node))
        .findFirst()
        .map(n -> Localities.ofNodeLabels(Json.labels(n)))
        .orElse("");
  }

  /** Same-host candidates ordered as the oracle picks: the asker's namespace, then the oldest. */
  static Comparator<MeshService> preference(String namespace) {
    return Comparator.comparing((MeshService s) -> !s.namespace().equals(namespace))
        .thenComparing(MeshService::created)
        .thenComparing(MeshService::namespace)
        .thenComparing(MeshService::name);
  }

  private Optional<JsonNode> istiod() {
    return ofKind("Deployment").stream()
        .filter(
            d ->
                "istiod".equals(Json.labels(d).get("app"))
                    || Json.name(d).equals("istiod")
                    || Json.name(d).startsWith("istiod-"))
        .min(Comparator.comparing(Json::name));
  }

  private Optional<JsonNode> meshConfigMap(JsonNode istiod) {
    String revision = Json.labels(istiod).getOrDefault("istio.io/rev", "default");
    String wanted = "default".equals(revision) ? "istio" : "istio-" + revision;
    return ofKind("ConfigMap").stream()
        .filter(c -> Json.namespace(c).equals(Json.namespace(istiod)))
        .filter(c -> Json.name(c).equals(wanted))
        .findFirst();
  }

  /** A gateway of a network, as a cluster's istiod knows it. */
  record NetworkGateway(String network, String address, int port) {}
}
