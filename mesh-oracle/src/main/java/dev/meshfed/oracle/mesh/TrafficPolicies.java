package dev.meshfed.oracle.mesh;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The DestinationRule and PeerAuthentication that apply to a request, as istiod looks them up. */
final class TrafficPolicies {

  private TrafficPolicies() {}

  /**
   * The TLS settings a DestinationRule gives one port: port-level first, then the rule's; {@code
   * subjectAltNames} empty when the rule names none.
   */
  record Tls(Optional<String> mode, Optional<String> sni, List<String> subjectAltNames) {
    static final Tls NONE = new Tls(Optional.empty(), Optional.empty());

    Tls(Optional<String> mode, Optional<String> sni) {
      this(mode, sni, List.of());
    }
  }

  /**
   * The DestinationRule a proxy in {@code namespace} uses for a host (PushContext.destinationRule):
   * one in its own namespace exported to it, else one in the service's namespace exported to it,
   * else one in the root namespace exported to it.
   */
  static Optional<JsonNode> destinationRule(
      ClusterModel cluster, String namespace, MeshService service) {
    return Stream.of(namespace, service.namespace(), cluster.rootNamespace())
        .map(declaredIn -> destinationRuleIn(cluster, declaredIn, namespace, service.host()))
        .flatMap(Optional::stream)
        .findFirst();
  }

  private static Optional<JsonNode> destinationRuleIn(
      ClusterModel cluster, String declaredIn, String visibleIn, String host) {
    return cluster.ofKind("DestinationRule").stream()
        .filter(rule -> Json.namespace(rule).equals(declaredIn))
        .filter(
            rule ->
                Visibility.exported(
                    Json.strings(Json.spec(rule).path("exportTo")), declaredIn, visibleIn))
        .filter(
            rule ->
                Hosts.covers(Hosts.qualified(Json.text(rule, "spec", "host"), declaredIn), host))
        .min(Comparator.comparing(Json::name));
  }

  /** The TLS settings of a DestinationRule for a port. */
  static Tls tls(Optional<JsonNode> rule, int port) {
    if (rule.isEmpty()) {
      return Tls.NONE;
    }
    JsonNode policy = Json.spec(rule.get()).path("trafficPolicy");
    for (JsonNode level : policy.path("portLevelSettings")) {
      if (level.path("port").path("number").asInt() == port && level.has("tls")) {
        return tls(level.path("tls"));
      }
    }
    return policy.has("tls") ? tls(policy.path("tls")) : Tls.NONE;
  }

  /** A DestinationRule's {@code tls} block. */
  static Tls tls(JsonNode tls) {
    String mode = tls.path("mode").asText("");
    String sni = tls.path("sni").asText("");
    return new Tls(
        mode.isEmpty() ? Optional.empty() : Optional.of(mode),
        sni.isEmpty() ? Optional.empty() : Optional.of(sni),
        Json.strings(tls.path("subjectAltNames")));
  }

  /**
   * The mTLS mode of PeerAuthentications for workloads with {@code labels} in {@code namespace}: a
   * workload-selecting one, else the namespace's, else the root namespace's mesh-wide one, else
   * PERMISSIVE (Istio's default).
   */
  static String peerAuthenticationMode(
      ClusterModel cluster, String namespace, Map<String, String> labels) {
    List<JsonNode> all = cluster.ofKind("PeerAuthentication");
    Stream<Optional<JsonNode>> candidates =
        Stream.of(
            all.stream()
                .filter(p -> Json.namespace(p).equals(namespace))
                .filter(p -> Json.spec(p).has("selector"))
                .filter(
                    p ->
                        Selectors.selects(
                            Json.stringMap(Json.at(p, "spec", "selector", "matchLabels")), labels))
                .findFirst(),
            namespaceWide(all, namespace),
            namespaceWide(all, cluster.rootNamespace()));
    return candidates
        .flatMap(Optional::stream)
        .map(p -> Json.text(p, "spec", "mtls", "mode"))
        .filter(mode -> !mode.isEmpty() && !mode.equals("UNSET"))
        .findFirst()
        .orElse("PERMISSIVE");
  }

  private static Optional<JsonNode> namespaceWide(List<JsonNode> all, String namespace) {
    return all.stream()
        .filter(p -> Json.namespace(p).equals(namespace))
        .filter(p -> !Json.spec(p).has("selector"))
        .findFirst();
  }
}
