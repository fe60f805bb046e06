package dev.meshfed.translation.translate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A tenant added to a generated mesh: a Workspace of its own over namespace {@value #NAMESPACE} in
 * every workload cluster, whose inputs are malformed or aim at other tenants: Services as odd as
 * Kubernetes admits them (UDP and SCTP ports, the longest names) and some with a field it would
 * refuse; WorkspaceSettings with invalid host suffixes, selectors naming other namespaces, export
 * and import cycles, and in a namespace of no workspace; VirtualDestinations, RouteTables and
 * ExternalServices claiming other tenants' hosts and backed by their services; policies applied to
 * their destinations; ServiceExports of its Services, of none, and from outside its workspace.
 * Every hostile input is newer than the mesh's, as an API server would stamp it.
 */
final class HostileTenant extends RandomObjects {

  static final String WORKSPACE = "hostile";
  static final String NAMESPACE = "hostile-ns";
  static final String NO_WORKSPACE = "nobodys-ns";
  private static final String CREATED = "2026-12-31T00:00:00Z";
  private static final List<String> NAMES =
      List.of(
          "a".repeat(63),
          "a".repeat(64),
          "b".repeat(253),
          "ünïcödé",
          "名前",
          "UPPER",
          "-dash",
          "dot.ted",
          "",
          "reviews");
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
  private static final List<Integer> PORTS = List.of(0, -1, 65536, 65535, 1, 2147483647);
  private static final List<String> SERVICE_NAMES =
      List.of("a".repeat(63), "reviews", "ratings", "istiod", "kubernetes", "x");
  private static final List<String> PORT_NAMES =
      List.of("http", "grpc-web", "tcp-15", "udp-dns", "h");

  private final List<String> clusters;
  private final List<String> victimNamespaces;
  private final List<String> victimHosts;
  private final List<String> victimWorkspaces;

  /**
   * @param victimHosts global hosts the mesh federates without the tenant
   */
  HostileTenant(
      Random random,
      List<String> clusters,
      List<String> victimNamespaces,
      List<String> victimHosts,
      List<String> victimWorkspaces) {
    super(random);
    this.clusters = clusters;
    this.victimNamespaces = victimNamespaces.isEmpty() ? List.of("default") : victimNamespaces;
    this.victimHosts = victimHosts.isEmpty() ? List.of("reviews.global") : victimHosts;
    this.victimWorkspaces = victimWorkspaces.isEmpty() ? List.of("*") : victimWorkspaces;
  }

  /** Adds the tenant's Workspace and namespaces: a shell with no input of its own yet. */
  void addShell(ObjectNode mesh, String managementCluster) {
    ArrayNode management = (ArrayNode) mesh.path("clusters").path(managementCluster);
    ObjectNode workspace = object("Workspace", ADMIN_NAMESPACE, WORKSPACE);
    // the platform team made the tenant's workspace first: its namespace is its own, even where
    // another workspace selects every namespace
    workspace.put("creationTimestamp", "2025-01-01T00:00:00Z");
    workspace
        .putArray("workloadClusters")
        .addObject()
        .put("name", "*")
        .putArray("namespaces")
        .addObject()
        .put("name", NAMESPACE);
    management.add(workspace);
    for (String cluster : clusters) {
      ArrayNode objects = (ArrayNode) mesh.path("clusters").path(cluster);
      objects.add(object("Namespace", "", NAMESPACE));
      objects.add(object("Namespace", "", NO_WORKSPACE));
    }
  }

  /**
   * A hostile input and the cluster it lives in.
   *
   * @param refused the field it was given that must be refused with an INVALID diagnostic naming
   *     it; null when it has none such
   */
  record Placed(String cluster, ObjectNode input, String refused) {}

  /** The field the input being made was given to be refused, if any. */
  private String refused;

  /** Adds {@code count} hostile inputs to the tenant's namespaces; returns them. */
  List<Placed> addInputs(ObjectNode mesh, int count) {
    List<Placed> added = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String cluster = pick(clusters);
      refused = null;
      ObjectNode input = input(i);
      input.put("creationTimestamp", CREATED);
      ((ArrayNode) mesh.path("clusters").path(cluster)).add(input);
      added.add(new Placed(cluster, input, refused));
    }
    return added;
  }

  private ObjectNode input(int index) {
    return switch (random.nextInt(9)) {
      case 0, 1 -> service(index);
      case 2, 3 -> settings(index);
      case 4 -> virtualDestination(index);
      case 5 -> routeTable(index);
      case 6 -> externalService(index);
      case 7 -> serviceExport(index);
      default -> policy(index);
    };
  }

  /**
   * A Multi-Cluster Services export of one of the tenant's Services, of one that does not exist, or
   * from its namespace of no workspace: exports conflict with each other, never with another
   * tenant's hosts.
   */
  private ObjectNode serviceExport(int index) {
    String name = chance(0.5) ? pick(SERVICE_NAMES) : "svc-" + random.nextInt(index + 1);
    return object(
        "ServiceExport.multicluster.x-k8s.io", chance(0.8) ? NAMESPACE : NO_WORKSPACE, name);
  }

  /**
   * A Service as Kubernetes admits them (a DNS-1035 name, unique ports 1 to 65535 with IANA names):
   * its hostility is in what the API server lets through: UDP and SCTP ports, the longest name, odd
   * selectors and labels, target ports that name nothing. One in three is then given a field the
   * API server would refuse, as a forged or replayed record could carry it.
   */
  private ObjectNode service(int index) {
    ObjectNode service = admissibleService(index);
    if (chance(0.33)) {
      refuseOneField(service);
    }
    return service;
  }

  private void refuseOneField(ObjectNode service) {
    ArrayNode ports = (ArrayNode) service.path("ports");
    ObjectNode first = (ObjectNode) ports.get(0);
    switch (random.nextInt(6)) {
      case 0 -> {
        service.put("name", pick(List.of("a".repeat(64), "ünïcödé", "UPPER", "-dash", "dot.ted")));
        refused = "metadata.name";
      }
      case 1 -> {
        first.put("port", pick(List.of(0, -1, 65536, 2147483647)));
        refused = "spec.ports[0].port";
      }
      case 2 -> {
        first.put("name", pick(List.of("HTTP", "h_t", "-x", "a".repeat(64))));
        refused = "spec.ports[0].name";
      }
      case 3 -> {
        ports.addObject().put("port", first.path("port").asInt()).put("name", first.path("name"));
        refused = "spec.ports[" + (ports.size() - 1) + "].name";
      }
      case 4 -> {
        first.put("protocol", pick(List.of("HTTP", "tcp", "QUIC")));
        refused = "spec.ports[0].protocol";
      }
      default -> {
        ((ObjectNode) service.path("selector")).put("app", pick(List.of("a b", "x".repeat(64))));
        refused = "spec.selector.app";
      }
    }
  }

  private ObjectNode admissibleService(int index) {
    String name = chance(0.3) ? pick(SERVICE_NAMES) : "svc-" + index;
    ObjectNode service = object("Service", NAMESPACE, name);
    service.putObject("selector").put("app", chance(0.8) ? name : "x".repeat(63));
    if (chance(0.3)) {
      service.putObject("labels").put("federate", "yes").put("meshfed.dev/host", "reviews.global");
    }
    ArrayNode ports = service.putArray("ports");
    List<Integer> numbers = new ArrayList<>(List.of(1, 53, 9080, 15443, 65535));
    java.util.Collections.shuffle(numbers, random);
    for (int i = random.nextInt(4); i >= 0; i--) {
      ObjectNode port = ports.addObject().put("port", (int) numbers.get(i));
      port.put("name", PORT_NAMES.get(i));
      if (chance(0.3)) {
        port.put("protocol", pick(List.of("UDP", "SCTP", "TCP")));
      }
      if (chance(0.3)) {
        port.put("targetPort", chance(0.5) ? "65535" : "nothing-here");
      }
    }
    return service;
  }

  private ObjectNode settings(int index) {
    String namespace = chance(0.8) ? NAMESPACE : NO_WORKSPACE;
    ObjectNode settings = object("WorkspaceSettings", namespace, "settings-" + index);
    ObjectNode federation = settings.putObject("federation").put("enabled", true);
    federation.put("hostSuffix", pick(SUFFIXES));
    ArrayNode selectors = federation.putArray("serviceSelector");
    switch (random.nextInt(4)) {
      case 0 -> selectors.addObject().put("namespace", pick(victimNamespaces));
      case 1 ->
          selectors.addObject().put("name", "reviews").put("namespace", pick(victimNamespaces));
      case 2 -> selectors.addObject().put("cluster", pick(clusters));
      default -> selectors.addObject().putObject("labels").put(pick(NAMES), pick(NAMES));
    }
    if (chance(0.5)) {
      federation.putArray("ports").addObject().put("number", pick(PORTS));
    }
    for (String direction : List.of("exportTo", "importFrom")) {
      if (chance(0.5)) {
        ObjectNode selected =
            settings.putArray(direction).addObject().putArray("workspaces").addObject();
        switch (random.nextInt(3)) {
          case 0 -> selected.put("name", WORKSPACE);
          case 1 -> selected.put("name", pick(victimWorkspaces));
          default -> selected.put("name", "*");
        }
      }
    }
    if (chance(0.3)) {
      settings.putObject("serviceIsolation").put("enabled", true).put("trimProxyConfig", true);
    }
    return settings;
  }

  private ObjectNode virtualDestination(int index) {
    ObjectNode destination = object("VirtualDestination", NAMESPACE, "vd-" + index);
    destination.putArray("hosts").add(chance(0.7) ? pick(victimHosts) : pick(SUFFIXES));
    ArrayNode services = destination.putArray("services");
    if (chance(0.5)) {
      services.addObject().put("namespace", pick(victimNamespaces)).put("name", "reviews");
    } else {
      services.addObject().putObject("labels").put("app", pick(NAMES));
    }
    destination.putArray("ports").addObject().put("number", pick(PORTS)).put("protocol", "HTTP");
    return destination;
  }

  private ObjectNode routeTable(int index) {
    ObjectNode table = object("RouteTable", NAMESPACE, "rt-" + index);
    table.putArray("hosts").add(pick(victimHosts));
    ObjectNode destination =
        table
            .putArray("http")
            .addObject()
            .putObject("forwardTo")
            .putArray("destinations")
            .addObject();
    destination.putObject("ref").put("name", "reviews").put("namespace", pick(victimNamespaces));
    destination.put("kind", pick(List.of("SERVICE", "VIRTUAL_DESTINATION", "NOPE")));
    return table;
  }

  private ObjectNode externalService(int index) {
    ObjectNode service = object("ExternalService", NAMESPACE, "ext-" + index);
    service.putArray("hosts").add(pick(victimHosts));
    int port = pick(PORTS);
    service.putArray("ports").addObject().put("number", port).put("name", "http");
    if (port < 1 || port > 65535) {
      refused = "spec.ports[0].number";
    }
    return service;
  }

  private ObjectNode policy(int index) {
    ObjectNode policy =
        object(
            pick(List.of("FailoverPolicy", "OutlierDetectionPolicy")),
            NAMESPACE,
            "policy-" + index);
    ObjectNode selector =
        policy
            .putArray("applyToDestinations")
            .addObject()
            .put("kind", "SERVICE")
            .putObject("selector");
    selector.put("namespace", pick(victimNamespaces));
    return policy;
  }

  static List<String> namespacesOf(JsonNode mesh) {
    List<String> namespaces = new ArrayList<>();
    mesh.path("clusters")
        .forEach(
            objects ->
                objects.forEach(
                    o -> {
                      if (o.path("kind").asText().equals("Namespace")
                          && !namespaces.contains(o.path("name").asText())) {
                        namespaces.add(o.path("name").asText());
                      }
                    }));
    return namespaces;
  }
}
