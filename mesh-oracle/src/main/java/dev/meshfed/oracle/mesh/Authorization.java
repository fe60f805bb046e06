package dev.meshfed.oracle.mesh;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Oracle rule 10, AuthorizationPolicies at the receiving pod: those of its namespace that select it
 * and the root namespace's. A matching DENY denies; if any ALLOW policy applies, one must match
 * (Envoy's RBAC ALLOW action). Principals are matched as authz/model/generator.go does, after
 * security/trustdomain ReplaceTrustDomainAliases. Methods and paths (and their negations) match the
 * request's method and its path without the query (authz/model/generator.go: exact, prefix, suffix
 * or presence, as principals; the oracle's requests are HTTP); hosts and when are taken to match;
 * source fields the oracle does not model (ipBlocks, requestPrincipals) do not.
 */
final class Authorization {

  private static final Set<String> UNMODELLED_SOURCE =
      Set.of("ipBlocks", "notIpBlocks", "remoteIpBlocks", "notRemoteIpBlocks", "requestPrincipals");

  private Authorization() {}

  /**
   * Why the pod refuses a request from {@code peer} (none: plaintext) on {@code port}, if it does.
   */
  static Optional<String> denial(
      ClusterModel cluster, Pod pod, int port, Optional<Identity> peer, Request request) {
    List<JsonNode> allows = new ArrayList<>();
    for (JsonNode policy : applying(cluster, pod)) {
      String action = Json.text(policy, "spec", "action");
      if (action.equals("DENY") && matches(policy, cluster, port, peer, request)) {
        return Optional.of("DENY policy " + ref(policy) + " matches " + who(peer));
      }
      if (action.isEmpty() || action.equals("ALLOW")) {
        allows.add(policy);
      }
    }
    if (allows.isEmpty()
        || allows.stream().anyMatch(p -> matches(p, cluster, port, peer, request))) {
      return Optional.empty();
    }
    Set<String> names = new TreeSet<>();
    allows.forEach(p -> names.add(ref(p)));
    return Optional.of(
        "no ALLOW policy admits "
            + who(peer)
            + " on port "
            + port
            + " ("
            + request.method()
            + " "
            + request.pathOnly()
            + "; policies: "
            + names
            + ")");
  }

  private static List<JsonNode> applying(ClusterModel cluster, Pod pod) {
    return cluster.ofKind("AuthorizationPolicy").stream()
        .filter(
            p ->
                Json.namespace(p).equals(pod.namespace())
                    || Json.namespace(p).equals(cluster.rootNamespace()))
        .filter(
            p ->
                Selectors.selects(
                    Json.stringMap(Json.at(p, "spec", "selector", "matchLabels")), pod.labels()))
        .toList();
  }

  private static boolean matches(
      JsonNode policy, ClusterModel cluster, int port, Optional<Identity> peer, Request request) {
    for (JsonNode rule : Json.spec(policy).path("rules")) {
      boolean from =
          !rule.has("from")
              || anyMatch(rule.path("from"), f -> source(f.path("source"), cluster, peer));
      boolean to =
          !rule.has("to")
              || anyMatch(rule.path("to"), t -> operation(t.path("operation"), port, request));
      if (from && to) {
        return true;
      }
    }
    return false;
  }

  private static boolean source(JsonNode source, ClusterModel cluster, Optional<Identity> peer) {
    if (UNMODELLED_SOURCE.stream().anyMatch(source::has)) {
      return false;
    }
    String principal = peer.map(Identity::principal).orElse(null);
    String namespace = peer.map(Identity::namespace).orElse(null);
    return condition(source, "principals", "notPrincipals", principal, p -> principals(p, cluster))
        && condition(source, "namespaces", "notNamespaces", namespace, List::of);
  }

  /** A field and its negation: the value must match one of the first and none of the second. */
  private static boolean condition(
      JsonNode source,
      String field,
      String negated,
      String value,
      java.util.function.Function<String, List<String>> expand) {
    if (source.has(field) && (value == null || !anyPattern(source.path(field), value, expand))) {
      return false;
    }
    return !source.has(negated)
        || (value != null && !anyPattern(source.path(negated), value, expand));
  }

  private static boolean anyPattern(
      JsonNode patterns, String value, java.util.function.Function<String, List<String>> expand) {
    for (String pattern : Json.strings(patterns)) {
      if (expand.apply(pattern).stream().anyMatch(p -> StringMatch.matches(p, value))) {
        return true;
      }
    }
    return false;
  }

  /**
   * A principal of the local trust domain, one of its aliases or {@code cluster.local} stands for
   * every local trust domain; any other is kept; one starting with {@code *} is never rewritten.
   */
  static List<String> principals(String principal, ClusterModel cluster) {
    int slash = principal.indexOf('/');
    if (principal.startsWith("*") || slash < 0 || cluster.controlPlane().isEmpty()) {
      return List.of(principal);
    }
    String trustDomain = principal.substring(0, slash);
    List<String> local = cluster.controlPlane().get().localTrustDomains();
    if (!local.contains(trustDomain) && !trustDomain.equals(ControlPlane.DEFAULT_TRUST_DOMAIN)) {
      return List.of(principal);
    }
    return local.stream().map(td -> td + principal.substring(slash)).toList();
  }

  private static boolean operation(JsonNode operation, int port, Request request) {
    String value = String.valueOf(port);
    if (operation.has("ports") && !Json.strings(operation.path("ports")).contains(value)) {
      return false;
    }
    if (Json.strings(operation.path("notPorts")).contains(value)) {
      return false;
    }
    return condition(operation, "methods", "notMethods", request.method(), List::of)
        && condition(operation, "paths", "notPaths", request.pathOnly(), List::of);
  }

  private static boolean anyMatch(JsonNode list, java.util.function.Predicate<JsonNode> predicate) {
    for (JsonNode item : list) {
      if (predicate.test(item)) {
        return true;
      }
    }
    return false;
  }

  private static String ref(JsonNode policy) {
    return Json.namespace(policy) + "/" + Json.name(policy);
  }

  private static String who(Optional<Identity> peer) {
    return peer.map(Identity::principal).orElse("an unauthenticated (plaintext) peer");
  }
}
