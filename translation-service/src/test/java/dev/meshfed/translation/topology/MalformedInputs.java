package dev.meshfed.translation.topology;

import dev.meshfed.schema.discovery.ControlPlaneState;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded records that the wire format carries but no API server would hold as they are, or that are
 * legal and hostile: Services, Namespaces, east-west gateways and WorkspaceSettings in cluster1 to
 * cluster3, control planes in cluster3 only (the clusters whose outputs are checked against one
 * Istio release keep theirs), Workspaces in the management cluster. Every one is newer than the
 * mesh it is mixed into, as an API server would stamp it.
 */
final class MalformedInputs {

  private static final String CREATED = "2026-12-31T00:00:00Z";
  private static final List<String> NAMES =
      List.of(
          "",
          "a".repeat(63),
          "a".repeat(64),
          "b".repeat(253),
          "ünïcödé",
          "名前",
          "UPPER",
          "-dash",
          "dot.ted",
          "reviews",
          "ratings",
          "x");
  static final String TENANT = "hostile";
  private static final List<String> NAMESPACES =
      List.of(
          "bookinfo",
          "istio-system",
          "",
          "nobodys-ns",
          "ÜNI",
          "n".repeat(64),
          TENANT,
          TENANT,
          TENANT,
          TENANT);
  private static final List<Integer> PORTS =
      List.of(0, -1, 65536, 65535, 1, 53, 9080, 15443, Integer.MAX_VALUE, Integer.MIN_VALUE);
  private static final List<String> KEYS =
      List.of(
          "app",
          "",
          "bad key!",
          "k".repeat(64),
          "meshfed.dev/host",
          "topology.istio.io/network",
          "ünï",
          "istio",
          "version");
  private static final List<String> VALUES =
      List.of("", "reviews", "a b", "v".repeat(64), "-dash", "ünï", "*", "eastwestgateway");
  private static final List<String> SUFFIXES =
      List.of(
          "Not_A_Suffix",
          "",
          "a..b",
          "svc.cluster.local",
          "c".repeat(300),
          "ünï.global",
          "global",
          "-bad.global",
          "*.global");
  private static final List<String> CLUSTERS = List.of("cluster1", "cluster2", "cluster3");

  private final Random random;

  MalformedInputs(Random random) {
    this.random = random;
  }

  /** A malformed input and the cluster whose topic carries it. */
  record Placed(String cluster, Discovered.Entry entry) {}

  /**
   * A tenant of its own, set up as an API server admits it, for the malformed inputs to land in:
   * namespace {@value #TENANT} in the three clusters, a Workspace over them and settings federating
   * every service, and cluster3's Istio (cluster1 and cluster2 get bookinfo's).
   */
  static List<Placed> frame() {
    List<Placed> frame = new ArrayList<>();
    frame.add(new Placed("cluster3", Discovered.agent()));
    for (String cluster : CLUSTERS) {
      frame.add(new Placed(cluster, Discovered.namespace(TENANT)));
    }
    frame.add(new Placed("cluster3", Discovered.namespace("istio-system")));
    frame.add(new Placed("cluster3", Discovered.istiod("1.24.2")));
    frame.add(new Placed("cluster3", Discovered.eastWestGateway("172.18.3.10")));
    frame.add(
        new Placed("mgmt", Discovered.workspace(TENANT, TENANT, CLUSTERS.toArray(String[]::new))));
    frame.add(new Placed("cluster3", Discovered.federationSettings(TENANT)));
    return frame;
  }

  Placed next(int index) {
    String cluster = pick(CLUSTERS);
    return switch (random.nextInt(9)) {
      case 0, 1, 2, 3 -> new Placed(cluster, service(index));
      case 4 -> new Placed(cluster, entry("Namespace", "", pick(NAMES), new NamespaceState(map())));
      case 5 -> new Placed(cluster, gateway());
      case 6 -> new Placed(cluster, settings(index));
      case 7 -> new Placed("cluster3", controlPlane());
      default -> new Placed("mgmt", workspace(index));
    };
  }

  /** Half as odd as an API server admits them, half with fields it would refuse. */
  private Discovered.Entry service(int index) {
    return random.nextBoolean() ? admissibleService(index) : refusedService(index);
  }

  private Discovered.Entry admissibleService(int index) {
    List<Integer> numbers = new ArrayList<>(List.of(1, 53, 9080, 15443, 65535));
    java.util.Collections.shuffle(numbers, random);
    List<String> names = List.of("http", "grpc-web", "tcp-15", "udp-dns", "h");
    List<ServicePort> ports = new ArrayList<>();
    for (int i = random.nextInt(4); i >= 0; i--) {
      ports.add(
          new ServicePort(
              names.get(i),
              numbers.get(i),
              pick(Arrays.asList(null, "65535", "nothing-here")),
              pick(List.of("TCP", "TCP", "UDP", "SCTP")),
              pick(Arrays.asList(null, "http", "kubernetes.io/h2c", "grpc"))));
    }
    String name =
        random.nextInt(4) == 0 ? pick(List.of("a".repeat(63), "reviews", "x")) : "svc-" + index;
    return entry(
        "Service",
        TENANT,
        name,
        new ServiceState(
            pick(List.of("ClusterIP", "NodePort", "LoadBalancer")),
            Map.of("federate", pick(List.of("yes", "no"))),
            Map.of("app", random.nextBoolean() ? name : "x".repeat(63)),
            ports,
            random.nextBoolean(),
            java.util.List.of()));
  }

  private Discovered.Entry refusedService(int index) {
    List<ServicePort> ports = new ArrayList<>();
    for (int i = random.nextInt(5); i > 0; i--) {
      ports.add(
          new ServicePort(
              pick(Arrays.asList(null, "http", "HTTP", "h_t", "", "a".repeat(64), "tcp-x")),
              pick(PORTS),
              pick(Arrays.asList(null, "0", "65536", "http", "http--x", "99999999", "9080")),
              pick(List.of("TCP", "UDP", "SCTP", "HTTP", "tcp", "")),
              pick(Arrays.asList(null, "http", "kubernetes.io/h2c", "not a name", "grpc"))));
    }
    String name = random.nextBoolean() ? pick(NAMES) : "svc-" + index;
    return entry(
        "Service",
        pick(NAMESPACES),
        name,
        new ServiceState(
            pick(List.of("ClusterIP", "NodePort", "LoadBalancer", "Bogus", "")),
            map(),
            map(),
            ports,
            random.nextBoolean(),
            java.util.List.of()));
  }

  private Discovered.Entry gateway() {
    return entry(
        "EastWestGateway",
        pick(List.of("istio-system", "", "hostile")),
        pick(NAMES),
        new EastWestGatewayState(
            map(),
            random.nextBoolean() ? Map.of("istio", "eastwestgateway") : map(),
            pick(Arrays.asList(null, "", "not an ip", "999.1.1.1", "10.0.0.9", "h".repeat(300))),
            pick(Arrays.asList(null, 0, -1, 65536, 15443)),
            pick(Arrays.asList(null, "", "ünï", "cluster1")),
            pick(Arrays.asList(null, 0, -1, 65536, 31443))));
  }

  private Discovered.Entry settings(int index) {
    List<ServiceSelector> selectors = new ArrayList<>();
    for (int i = random.nextInt(3); i > 0; i--) {
      selectors.add(
          new ServiceSelector(
              pick(Arrays.asList(null, "*", "reviews", "")),
              pick(Arrays.asList(null, "*", "bookinfo", "ÜNI")),
              pick(Arrays.asList(null, "*", "cluster1", "nope")),
              map()));
    }
    FederationOptions federation =
        new FederationOptions(random.nextBoolean(), pick(SUFFIXES), selectors, List.of());
    return entry(
        "WorkspaceSettings",
        pick(NAMESPACES),
        "settings-" + index,
        new WorkspaceSettingsState(federation, List.of(), List.of(), null, List.of()));
  }

  private Discovered.Entry controlPlane() {
    return entry(
        "ControlPlane",
        pick(List.of("istio-system", "", "hostile")),
        pick(NAMES),
        new ControlPlaneState(
            "pilot",
            pick(Arrays.asList(null, "", "banana", "1.999.0", "0.1", "1.24.2")),
            pick(Arrays.asList(null, "", "canary", "UPPER")),
            map()));
  }

  private Discovered.Entry workspace(int index) {
    List<WorkloadClusterSelector> clusters = new ArrayList<>();
    for (int i = random.nextInt(3); i > 0; i--) {
      clusters.add(
          new WorkloadClusterSelector(
              pick(Arrays.asList(null, "*", "cluster1", "cluster3", "", "nope")),
              List.of(
                  new NamespaceSelector(
                      pick(Arrays.asList(null, "*", "bookinfo", "hostile", "")), map())),
              map()));
    }
    String name = random.nextBoolean() ? pick(NAMES) : "ws-" + index;
    return entry("Workspace", "gloo-mesh", name, new WorkspaceState(clusters, map()));
  }

  private Map<String, String> map() {
    Map<String, String> map = new HashMap<>();
    for (int i = random.nextInt(4); i > 0; i--) {
      map.put(pick(KEYS), pick(VALUES));
    }
    return map;
  }

  private Discovered.Entry entry(String kind, String namespace, String name, Object payload) {
    return Discovered.of(kind, namespace, name, CREATED, payload);
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }
}
