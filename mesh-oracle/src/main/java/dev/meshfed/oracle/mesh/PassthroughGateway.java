package dev.meshfed.oracle.mesh;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Oracle rule 7, arrival at a gateway: the Gateway servers that select its pods on the port, and
 * for AUTO_PASSTHROUGH the cluster an SNI names (gateway.go builtAutoPassthroughFilterChains,
 * BuildDNSSrvSubsetKey): a MESH_INTERNAL service with that host and port number, visible to the
 * gateway's namespace, whose host a server's hosts cover.
 */
final class PassthroughGateway {

  private static final Pattern SNI = Pattern.compile("outbound_\\.(\\d+)_\\.([^_]*)_\\.(.+)");

  private PassthroughGateway() {}

  /** A server of a Gateway object. */
  record Server(JsonNode gateway, JsonNode server) {
    List<String> hosts() {
      return Json.strings(server.path("hosts")).stream()
          .map(h -> h.substring(h.indexOf('/') + 1))
          .toList();
    }

    String tlsMode() {
      return server.path("tls").path("mode").asText("");
    }
  }

  /** The servers of the cluster's Gateways that select {@code pod} and listen on a port. */
  static List<Server> servers(ClusterModel cluster, Pod pod, Set<Integer> ports) {
    List<Server> servers = new ArrayList<>();
    for (JsonNode gateway : cluster.ofKind("Gateway")) {
      if (!Selectors.selects(Json.stringMap(Json.spec(gateway).path("selector")), pod.labels())) {
        continue;
      }
      for (JsonNode server : Json.spec(gateway).path("servers")) {
        if (ports.contains(server.path("port").path("number").asInt())) {
          servers.add(new Server(gateway, server));
        }
      }
    }
    return servers;
  }

  /**
   * Two Gateway objects with servers on the same pods and port whose hosts match each other (the
   * analyzer's IST0145): their filter chains collide, so the listener is not served as meant.
   */
  static Optional<String> conflict(List<Server> servers) {
    for (Server a : servers) {
      for (Server b : servers) {
        if (a.gateway() != b.gateway() && overlap(a.hosts(), b.hosts())) {
          Set<String> names = new TreeSet<>(List.of(ref(a.gateway()), ref(b.gateway())));
          return Optional.of("Gateways " + names + " both serve hosts " + a.hosts() + " there");
        }
      }
    }
    return Optional.empty();
  }

  private static boolean overlap(List<String> a, List<String> b) {
    return a.stream()
        .anyMatch(x -> b.stream().anyMatch(y -> Hosts.covers(x, y) || Hosts.covers(y, x)));
  }

  /** The host, port and subset an Istio SNI names; empty if it is not one. */
  record SniCluster(String host, int port, String subset) {}

  static Optional<SniCluster> parse(String sni) {
    Matcher matcher = SNI.matcher(sni);
    return matcher.matches()
        ? Optional.of(
            new SniCluster(matcher.group(3), Integer.parseInt(matcher.group(1)), matcher.group(2)))
        : Optional.empty();
  }

  /**
   * The service behind the SNI cluster the gateway builds, if it builds one (for a subset, the
   * caller also needs the subset's DestinationRule visible to the gateway).
   */
  static Optional<MeshService> cluster(
      ClusterModel cluster, String gatewayNamespace, List<Server> passthrough, SniCluster sni) {
    return cluster.registry().stream()
        .filter(s -> s.host().equals(sni.host()) && s.port(sni.port()).isPresent())
        .filter(MeshService::meshInternal)
        .filter(s -> Visibility.visibleToGateway(gatewayNamespace, s))
        .filter(s -> passthrough.stream().anyMatch(p -> coveredBy(p, s.host())))
        .min(ClusterModel.preference(gatewayNamespace));
  }

  private static boolean coveredBy(Server server, String host) {
    return server.hosts().stream().anyMatch(h -> Hosts.covers(h, host));
  }

  static String ref(JsonNode object) {
    return Json.namespace(object) + "/" + Json.name(object);
  }
}
