package dev.meshfed.oracle.mesh;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Where a cluster's Services can be reached from outside it: load balancers and node ports. */
final class Addresses {

  private Addresses() {}

  /** A Service reached from outside on one of its ports. */
  record Exposed(JsonNode service, JsonNode servicePort) {}

  /** The load-balancer ingress IPs and hostnames of a Service, and its external IPs. */
  static List<String> loadBalancer(JsonNode service) {
    List<String> addresses = new ArrayList<>();
    for (JsonNode ingress : Json.at(service, "status", "loadBalancer", "ingress")) {
      String ip = ingress.path("ip").asText("");
      addresses.add(ip.isEmpty() ? ingress.path("hostname").asText("") : ip);
    }
    Json.spec(service).path("externalIPs").forEach(ip -> addresses.add(ip.asText()));
    addresses.removeIf(String::isEmpty);
    return addresses;
  }

  /**
   * The Service a connection to {@code address:port} reaches: one whose load balancer has that
   * address and a port with that number, or any Service with that node port when the address is a
   * node's.
   */
  static Optional<Exposed> exposed(
      List<JsonNode> services, List<JsonNode> nodes, String address, int port) {
    boolean nodeAddress = nodes.stream().anyMatch(n -> nodeAddresses(n).contains(address));
    for (JsonNode service : services) {
      for (JsonNode servicePort : Json.spec(service).path("ports")) {
        boolean viaLoadBalancer =
            servicePort.path("port").asInt() == port && loadBalancer(service).contains(address);
        boolean viaNode = nodeAddress && servicePort.path("nodePort").asInt(-1) == port;
        if (viaLoadBalancer || viaNode) {
          return Optional.of(new Exposed(service, servicePort));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Whether {@code address} is one of a cluster's own: a load-balancer, external or cluster IP of
   * one of its Services, or an address of one of its nodes or pods.
   */
  static boolean inside(
      List<JsonNode> services, List<JsonNode> nodes, List<JsonNode> pods, String address) {
    for (JsonNode service : services) {
      List<String> own = new ArrayList<>(loadBalancer(service));
      own.add(Json.spec(service).path("clusterIP").asText(""));
      Json.spec(service).path("clusterIPs").forEach(ip -> own.add(ip.asText()));
      if (own.contains(address)) {
        return true;
      }
    }
    for (JsonNode pod : pods) {
      List<String> own = new ArrayList<>();
      own.add(Json.at(pod, "status", "podIP").asText(""));
      Json.at(pod, "status", "podIPs").forEach(ip -> own.add(ip.path("ip").asText()));
      if (own.contains(address)) {
        return true;
      }
    }
    return nodes.stream().anyMatch(n -> nodeAddresses(n).contains(address));
  }

  private static List<String> nodeAddresses(JsonNode node) {
    List<String> addresses = new ArrayList<>();
    Json.at(node, "status", "addresses").forEach(a -> addresses.add(a.path("address").asText()));
    return addresses;
  }
}
