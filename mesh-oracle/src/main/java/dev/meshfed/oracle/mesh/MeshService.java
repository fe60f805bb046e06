package dev.meshfed.oracle.mesh;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One host of a cluster's service registry: a Kubernetes Service ({@code
 * <name>.<ns>.svc.cluster.local}) or one host of a ServiceEntry, with where it is declared, to whom
 * it is exported, how its endpoints are found (a selector, or static endpoints) and the identities
 * a ServiceEntry declares for them ({@code subjectAltNames}). {@code resolution} is a
 * ServiceEntry's ({@code NONE} when unset), empty for a Kubernetes Service.
 */
record MeshService(
    String cluster,
    String namespace,
    String name,
    String kind,
    String host,
    List<MeshPort> ports,
    List<String> exportTo,
    boolean meshInternal,
    String resolution,
    List<String> addresses,
    Optional<Map<String, String>> selector,
    List<JsonNode> staticEndpoints,
    List<String> subjectAltNames,
    String created) {

  static final String KUBERNETES = "Service";
  static final String SERVICE_ENTRY = "ServiceEntry";

  boolean isKubernetes() {
    return KUBERNETES.equals(kind);
  }

  /** A ServiceEntry whose proxies resolve its endpoints' names (DNS, DNS_ROUND_ROBIN). */
  boolean resolvesByDns() {
    return resolution.startsWith("DNS");
  }

  Optional<MeshPort> port(int number) {
    return ports.stream().filter(p -> p.number() == number).findFirst();
  }

  String ref() {
    return cluster + "/" + kind + "/" + namespace + "/" + name;
  }
}
