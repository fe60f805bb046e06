package dev.meshfed.oracle.mesh;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which VirtualService HTTP route a sidecar's Envoy picks for a request. istiod builds, per
 * VirtualService in {@link VirtualServices} order, one Envoy route per match of each {@code http}
 * entry (one with no match for an entry without), leaving out matches that fail the build-time
 * conditions ({@link HttpMatch#built}); a VirtualService left without routes builds no virtual host
 * (route.go BuildHTTPRoutesForVirtualService, buildSidecarVirtualHostsForVirtualService). The first
 * VirtualService with routes owns the host; Envoy then takes its first route whose match matches,
 * else answers 404. Only HTTP or sniffed ports get HTTP routes (IsHTTPOrSniffed); a request already
 * sent to a subset has been routed, so is not routed again.
 */
final class HttpRouting {

  private static final Set<String> NOT_HTTP =
      Set.of("TCP", "TLS", "HTTPS", "MONGO", "MYSQL", "REDIS", "UDP");

  private HttpRouting() {}

  /** What the virtual host of a VirtualService does with the request. */
  sealed interface Outcome {
    JsonNode virtualService();
  }

  /**
   * The route matched: {@code route} is the {@code http} entry, {@code name} Envoy's route name.
   */
  record Matched(JsonNode virtualService, JsonNode route, String name) implements Outcome {}

  /** No route of the VirtualService matched. */
  record Unmatched(JsonNode virtualService) implements Outcome {}

  /** The outcome, empty when no VirtualService routes the host on this port (the default route). */
  static Optional<Outcome> route(ClusterModel client, Request request, MeshPort port) {
    if (!request.subset().isEmpty() || NOT_HTTP.contains(port.protocol())) {
      return Optional.empty();
    }
    for (JsonNode virtualService :
        VirtualServices.forHost(client, request.namespace(), request.host())) {
      List<Candidate> built = built(virtualService, request, port.number());
      if (!built.isEmpty()) {
        return Optional.of(
            built.stream()
                .filter(c -> c.match().map(m -> HttpMatch.matches(m, request)).orElse(true))
                .findFirst()
                .<Outcome>map(c -> new Matched(virtualService, c.route(), c.name()))
                .orElse(new Unmatched(virtualService)));
      }
    }
    return Optional.empty();
  }

  private record Candidate(JsonNode route, Optional<JsonNode> match, String name) {}

  private static List<Candidate> built(JsonNode virtualService, Request request, int port) {
    List<Candidate> candidates = new ArrayList<>();
    for (JsonNode route : Json.spec(virtualService).path("http")) {
      String name = route.path("name").asText("");
      if (route.path("match").isEmpty()) {
        candidates.add(new Candidate(route, Optional.empty(), name));
        continue;
      }
      for (JsonNode match : route.path("match")) {
        if (HttpMatch.built(match, request, port)) {
          String matchName = match.path("name").asText("");
          candidates.add(
              new Candidate(
                  route, Optional.of(match), matchName.isEmpty() ? name : name + "." + matchName));
        }
      }
    }
    return candidates;
  }
}
