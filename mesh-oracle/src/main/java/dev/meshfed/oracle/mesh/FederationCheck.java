package dev.meshfed.oracle.mesh;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * For every host meshfed federates (its managed ServiceEntries' {@code meshfed.dev/host}), from
 * every namespace of every Istio cluster that sees the host: whether a request reaches the pods of
 * the Service behind it, or what stops it. Namespaces the host is not exported to are no consumers
 * and are left out, and so are the owner's east-west gateway namespaces (the local entry is
 * exported there for the gateway's sake).
 */
public final class FederationCheck {

  private static final String HOST_ANNOTATION = "meshfed.dev/host";
  private static final String SOURCE_CLUSTER_LABEL = "meshfed.dev/source-cluster";
  private static final String MANAGED_BY = "app.kubernetes.io/managed-by";

  private FederationCheck() {}

  /** A federated host and port, and the Service ({@code cluster/namespace/name}) behind it. */
  public record FederatedHost(String host, int port, String service) {}

  /** One consumer's request for a federated host. */
  public record Finding(FederatedHost host, Route route, Set<String> expectedPods) {

    public String caller() {
      return route.request().cluster() + "/" + route.request().namespace();
    }

    /** Every connection reaches a pod of the Service behind the host. */
    public boolean reachable() {
      return route.reachesOnlyPods()
          && !expectedPods.isEmpty()
          && expectedPods.containsAll(route.backends());
    }
  }

  public static List<Finding> run(MeshOracle oracle, Map<String, List<JsonNode>> objects) {
    List<Finding> findings = new ArrayList<>();
    for (FederatedHost host : federatedHosts(objects)) {
      String[] service = host.service().split("/");
      Set<String> pods = oracle.podsOf(service[0], service[1], service[2]);
      Set<String> gateways = oracle.eastWestGatewayNamespaces(service[0]);
      for (String cluster : oracle.meshClusters()) {
        for (String namespace : oracle.namespaces(cluster)) {
          if (cluster.equals(service[0]) && gateways.contains(namespace)) {
            continue;
          }
          Route route = oracle.route(Request.from(cluster, namespace, host.host(), host.port()));
          Set<Reason> reasons = route.reasons();
          boolean consumer =
              !reasons.contains(Reason.UNKNOWN_HOST) && !reasons.contains(Reason.NOT_VISIBLE);
          if (consumer) {
            findings.add(new Finding(host, route, pods));
          }
        }
      }
    }
    return findings;
  }

  /** The hosts and ports of meshfed's ServiceEntries in every cluster, once each. */
  public static List<FederatedHost> federatedHosts(Map<String, List<JsonNode>> objects) {
    Map<String, FederatedHost> hosts = new TreeMap<>();
    objects.values().stream()
        .flatMap(List::stream)
        .filter(o -> "ServiceEntry".equals(Json.kind(o)))
        .filter(o -> "meshfed".equals(Json.labels(o).get(MANAGED_BY)))
        .forEach(
            entry -> {
              String host =
                  Json.stringMap(Json.at(entry, "metadata", "annotations")).get(HOST_ANNOTATION);
              String owner = Json.labels(entry).get(SOURCE_CLUSTER_LABEL);
              if (host == null || owner == null || host.split("\\.").length < 3) {
                return;
              }
              String[] parts = host.split("\\.");
              String service = owner + "/" + parts[1] + "/" + parts[0];
              for (JsonNode port : Json.spec(entry).path("ports")) {
                int number = port.path("number").asInt();
                hosts.putIfAbsent(host + ":" + number, new FederatedHost(host, number, service));
              }
            });
    return List.copyOf(hosts.values());
  }

  /** The callers of a cluster that reach a host, and those that do not with why, for a table. */
  public static String summary(List<Finding> findings, String host, String cluster) {
    Set<String> ok = new TreeSet<>();
    Set<String> broken = new TreeSet<>();
    for (Finding finding : findings) {
      if (finding.host().host().equals(host)
          && finding.route().request().cluster().equals(cluster)) {
        String namespace = finding.route().request().namespace();
        if (finding.reachable()) {
          ok.add(namespace);
        } else {
          broken.add(namespace + " " + finding.route().reasons());
        }
      }
    }
    if (ok.isEmpty() && broken.isEmpty()) {
      return "-";
    }
    List<String> parts = new ArrayList<>(ok);
    broken.forEach(b -> parts.add("NOT " + b));
    return String.join(", ", parts);
  }
}
