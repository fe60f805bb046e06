package dev.meshfed.translation.model;

import java.util.List;
import java.util.Map;

/**
 * An ExternalService (meshfed's, or Gloo Mesh's networking.gloo.solo.io/v2 one): a destination
 * outside the mesh, reached by its hosts' DNS or at the ExternalEndpoints its selector picks.
 *
 * @param selector labels of the ExternalEndpoints backing it; empty: none, the hosts' DNS
 */
public record ExternalServiceInput(
    ObjectId id,
    String creationTimestamp,
    long generation,
    List<String> hosts,
    List<String> addresses,
    List<Port> ports,
    Map<String, String> selector,
    List<String> subjectAltNames,
    List<String> problems)
    implements Input {

  public ExternalServiceInput {
    hosts = List.copyOf(hosts);
    addresses = List.copyOf(addresses);
    ports = List.copyOf(ports);
    selector = Map.copyOf(selector);
    subjectAltNames = List.copyOf(subjectAltNames);
    problems = List.copyOf(problems);
  }

  /**
   * A port of the hosts.
   *
   * @param targetPort the endpoints' port, a number or a name; null: the same number
   * @param clientsideTls clients send plaintext and their proxy originates TLS
   */
  public record Port(
      Integer number, String name, String protocol, String targetPort, boolean clientsideTls) {}
}
