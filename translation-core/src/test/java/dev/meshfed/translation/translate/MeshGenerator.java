package dev.meshfed.translation.translate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Random meshes, as the tree of a golden case's input file ({@link GoldenCase#of}), so that a
 * failing one can be saved as a golden case as it is: a management cluster with workspaces (by
 * cluster name, {@code *} or registration labels; namespaces by name, {@code *} or labels) and
 * sometimes cluster registrations, 1 to 3 workload clusters ({@link ClusterGenerator}), and
 * WorkspaceSettings (federation, host suffix, service and port selectors, isolation, gateway
 * selectors, import and export). Every object is one a real cluster could hold; the combinations
 * are not always sensible (settings outside their workspace, unreachable gateways, invalid host
 * suffixes), as users' are not.
 */
final class MeshGenerator extends RandomObjects {

  private static final List<String> SUFFIXES = List.of("global", "mesh", "web.global", "internal");

  private final ClusterGenerator clusterGenerator;
  private final ExternalGenerator externalGenerator;
  private final ObjectNode root = JsonNodeFactory.instance.objectNode();
  private final List<String> namespacePool = new ArrayList<>();
  private final List<String> workspaces = new ArrayList<>();
  private final Map<String, List<String>> namespacesByCluster = new LinkedHashMap<>();
  private final Map<String, Set<String>> namespacesByWorkspace = new LinkedHashMap<>();

  private MeshGenerator(long seed) {
    super(new Random(seed));
    this.clusterGenerator = new ClusterGenerator(random);
    this.externalGenerator = new ExternalGenerator(new Random(seed * 31 + 7));
  }

  /** The mesh of {@code seed}: the same for the same seed. */
  static ObjectNode mesh(long seed) {
    return new MeshGenerator(seed).generate();
  }

  private ObjectNode generate() {
    String mgmt = chance(0.5) ? "mgmt" : name("mgmt");
    ClusterRegistration mode = pick(List.of(ClusterRegistration.values()));
    boolean registrationRequired = mode == ClusterRegistration.REQUIRED;
    ObjectNode settings = root.putObject("settings").put("managementCluster", mgmt);
    settings.put("clusterRegistration", mode.configValue());
    if (chance(0.2)) {
      settings.put("defaultHostSuffix", pick(SUFFIXES));
    }
    Set<String> clusters = new LinkedHashSet<>();
    int workloadClusters = chance(0.15) ? 1 : 2 + random.nextInt(2);
    while (clusters.size() < workloadClusters) {
      clusters.add(chance(0.5) ? "cluster" + (1 + random.nextInt(4)) : name("c"));
    }
    clusters.remove(mgmt);
    distinct(namespacePool, 2 + random.nextInt(4), () -> chance(0.3) ? "bookinfo" : name("ns"));
    distinct(workspaces, 1 + random.nextInt(3), () -> name("ws"));

    ObjectNode byCluster = root.putObject("clusters");
    ArrayNode management = byCluster.putArray(mgmt);
    management.add(object("Namespace", "", ADMIN_NAMESPACE));
    for (String cluster : clusters) {
      if (chance(registrationRequired ? 0.8 : 0.4)) {
        ObjectNode registration = object("KubernetesCluster", ADMIN_NAMESPACE, cluster);
        registration.putObject("labels").put("env", chance(0.6) ? "prod" : "dev");
        management.add(registration);
      }
    }
    workspaces.forEach(workspace -> management.add(workspace(workspace, clusters)));
    if (chance(0.3)) {
      namespacesByCluster.put(
          mgmt, clusterGenerator.clusterContent(management, mgmt, namespacePool));
    }
    for (String cluster : clusters) {
      ArrayNode objects = byCluster.putArray(cluster);
      namespacesByCluster.put(
          cluster, clusterGenerator.clusterContent(objects, cluster, namespacePool));
      externalGenerator.add(objects, namespacesByCluster.get(cluster));
    }
    for (String workspace : workspaces) {
      if (chance(0.9)) {
        // mostly in a namespace of the workspace, sometimes anywhere
        List<String[]> places = new ArrayList<>();
        namespacesByCluster.forEach(
            (cluster, namespaces) ->
                namespaces.stream()
                    .filter(ns -> chance(0.1) || namespacesByWorkspace.get(workspace).contains(ns))
                    .forEach(ns -> places.add(new String[] {cluster, ns})));
        String[] place =
            places.isEmpty()
                ? new String[] {
                  pick(List.copyOf(namespacesByCluster.keySet())), pick(namespacePool)
                }
                : pick(places);
        ((ArrayNode) byCluster.get(place[0])).add(workspaceSettings(workspace, place[1], place[0]));
      }
    }
    return root;
  }

  private ObjectNode workspace(String name, Set<String> clusters) {
    Set<String> named = namespacesByWorkspace.computeIfAbsent(name, n -> new LinkedHashSet<>());
    int index = workspaces.indexOf(name);
    List<String> own = new ArrayList<>();
    for (int i = index; i < namespacePool.size(); i += workspaces.size()) {
      own.add(namespacePool.get(i));
    }
    if (own.isEmpty()) {
      own.addAll(namespacePool);
    }
    ObjectNode workspace = object("Workspace", ADMIN_NAMESPACE, name);
    workspace.put("creationTimestamp", "2026-01-0" + (1 + random.nextInt(9)) + "T00:00:00Z");
    if (chance(0.4)) {
      workspace.putObject("labels").put("team", pick(List.of("a", "b")));
    }
    ArrayNode workloadClusters = workspace.putArray("workloadClusters");
    for (int i = random.nextInt(2); i >= 0; i--) {
      ObjectNode selection = workloadClusters.addObject();
      switch (random.nextInt(3)) {
        case 0 -> selection.put("name", "*");
        case 1 -> selection.put("name", clusters.isEmpty() ? "*" : pick(List.copyOf(clusters)));
        default -> selection.putObject("selector").put("env", chance(0.7) ? "prod" : "dev");
      }
      ArrayNode namespaces = selection.putArray("namespaces");
      for (int j = random.nextInt(2); j >= 0; j--) {
        double choice = random.nextDouble();
        if (choice < 0.1) {
          namespaces.addObject().put("name", "*");
          named.addAll(namespacePool);
        } else if (choice < 0.25) {
          namespaces.addObject().putObject("labels").put("tenant", pick(List.of("x", "y")));
        } else {
          // mostly namespaces of its own, so that workspaces overlap only sometimes
          String namespace = pick(chance(0.85) ? own : namespacePool);
          named.add(namespace);
          namespaces.addObject().put("name", namespace);
        }
      }
    }
    return workspace;
  }

  private ObjectNode workspaceSettings(String workspace, String namespace, String cluster) {
    ObjectNode settings = object("WorkspaceSettings", namespace, workspace + "-settings");
    settings.put("creationTimestamp", "2026-01-01T00:00:00Z");
    if (chance(0.9)) {
      ObjectNode federation = settings.putObject("federation").put("enabled", chance(0.85));
      if (chance(0.6)) {
        federation.put("hostSuffix", chance(0.05) ? "Not_A_Suffix" : pick(SUFFIXES));
      }
      ArrayNode selectors = federation.putArray("serviceSelector");
      for (int i = random.nextInt(3); i >= 0; i--) {
        switch (random.nextInt(5)) {
          case 0 -> selectors.addObject().putObject("labels").put("federate", "yes");
          case 1 -> selectors.addObject().put("name", "reviews").put("namespace", namespace);
          case 2 -> selectors.addObject().put("cluster", cluster);
          default -> selectors.addObject();
        }
      }
      if (chance(0.25)) {
        ArrayNode ports = federation.putArray("ports");
        ports.addObject().put("number", pick(List.of(80, 9080, 8080)));
        ports.addObject().put("name", pick(ClusterGenerator.PORT_NAMES));
      }
    }
    if (chance(0.45)) {
      settings
          .putObject("serviceIsolation")
          .put("enabled", chance(0.7))
          .put("trimProxyConfig", chance(0.6));
    }
    if (chance(0.25)) {
      ObjectNode selector = settings.putArray("eastWestGateways").addObject();
      switch (random.nextInt(3)) {
        case 0 -> selector.putObject("labels").put("tenant", "a");
        case 1 -> selector.put("namespace", ISTIO_NAMESPACE);
        default -> selector.put("cluster", cluster);
      }
    }
    for (String direction : List.of("exportTo", "importFrom")) {
      if (chance(0.4)) {
        ObjectNode rule = settings.putArray(direction).addObject();
        ObjectNode selected = rule.putArray("workspaces").addObject();
        switch (random.nextInt(4)) {
          case 0 -> selected.put("name", "*");
          case 1 -> selected.putObject("selector").put("team", pick(List.of("a", "b")));
          default -> selected.put("name", pick(workspaces));
        }
        if (chance(0.3)) {
          rule.putArray("resources").addObject().put("kind", pick(List.of("ALL", "SERVICE")));
        }
      }
    }
    return settings;
  }
}
