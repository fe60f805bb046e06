package dev.meshfed.oracle.mesh;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Oracle rule 1, which services a proxy sees: exportTo (pkg/config/visibility and PushContext
 * initServiceRegistry, 1.11 and 1.24), then the egress hosts of the namespace's Sidecar, matched by
 * the namespace a service is declared in (sidecar.go selectServices). Gateways ignore Sidecars.
 */
final class Visibility {

  private Visibility() {}

  /**
   * Whether an object declared in {@code declaredIn} with {@code exportTo} is visible in namespace
   * {@code to}: an empty list means the mesh default, {@code *}.
   */
  static boolean exported(List<String> exportTo, String declaredIn, String to) {
    if (exportTo.isEmpty() || exportTo.contains("*")) {
      return true;
    }
    if (exportTo.contains("~")) {
      return false;
    }
    return exportTo.contains(to) || (exportTo.contains(".") && declaredIn.equals(to));
  }

  /** Whether a sidecar proxy in {@code namespace} of {@code cluster} sees {@code service}. */
  static boolean visibleToSidecar(ClusterModel cluster, String namespace, MeshService service) {
    if (!exported(service.exportTo(), service.namespace(), namespace)) {
      return false;
    }
    return sidecar(cluster, namespace).map(s -> imports(s, service)).orElse(true);
  }

  /** Whether a gateway proxy in {@code namespace} sees {@code service}: exportTo alone. */
  static boolean visibleToGateway(String namespace, MeshService service) {
    return exported(service.exportTo(), service.namespace(), namespace);
  }

  /**
   * The Sidecar that scopes a namespace's proxies: its own without a workloadSelector, else the
   * root namespace's (initSidecarScopes).
   */
  static Optional<JsonNode> sidecar(ClusterModel cluster, String namespace) {
    Optional<JsonNode> own = namespaceWide(cluster, namespace);
    return own.isPresent() ? own : namespaceWide(cluster, cluster.rootNamespace());
  }

  private static Optional<JsonNode> namespaceWide(ClusterModel cluster, String namespace) {
    return cluster.ofKind("Sidecar").stream()
        .filter(s -> Json.namespace(s).equals(namespace))
        .filter(s -> !Json.spec(s).has("workloadSelector"))
        .min(Comparator.comparing(Json::name));
  }

  /** Whether a Sidecar's egress hosts ({@code ns/host}) import a service. */
  static boolean imports(JsonNode sidecar, MeshService service) {
    return imports(
        sidecar, service.namespace(), imported -> Hosts.covers(imported, service.host()));
  }

  /**
   * Whether a Sidecar's egress hosts import a VirtualService: one of its hosts and an imported host
   * of its namespace cover one another (sidecar.go SelectVirtualServices).
   */
  static boolean importsVirtualService(JsonNode sidecar, String declaredIn, List<String> hosts) {
    return imports(
        sidecar,
        declaredIn,
        imported ->
            hosts.stream()
                .anyMatch(host -> Hosts.covers(imported, host) || Hosts.covers(host, imported)));
  }

  private static boolean imports(
      JsonNode sidecar, String declaredIn, java.util.function.Predicate<String> hostImported) {
    for (JsonNode egress : Json.spec(sidecar).path("egress")) {
      for (String entry : Json.strings(egress.path("hosts"))) {
        int slash = entry.indexOf('/');
        String namespace = slash < 0 ? "*" : entry.substring(0, slash);
        String imported = entry.substring(slash + 1);
        boolean namespaceMatches =
            namespace.equals("*")
                || (namespace.equals(".") && Json.namespace(sidecar).equals(declaredIn))
                || namespace.equals(declaredIn);
        if (namespaceMatches && hostImported.test(imported)) {
          return true;
        }
      }
    }
    return false;
  }
}
