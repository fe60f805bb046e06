package dev.meshfed.oracle.mesh;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a VirtualService HTTP route asks of the client's proxy besides where to send the request, as
 * istiod translates it (route.go translateRoute, applyHTTPRouteDestination, TranslateFault,
 * MirrorPercent, MirrorPercentByPolicy). A delay without {@code fixedDelay} (exponential) is
 * dropped; its share is {@code percentage.value}, else the deprecated integer {@code percent}, else
 * none. Mirrors default to 100%, and an explicit 0 mirrors nothing. Retries are the route's own;
 * without them the proxy uses the mesh's default retry policy, reported as empty.
 */
final class HttpRouteReport {

  private HttpRouteReport() {}

  static Route.Http of(HttpRouting.Outcome outcome) {
    String virtualService = VirtualServices.ref(outcome.virtualService());
    if (!(outcome instanceof HttpRouting.Matched matched)) {
      return new Route.Http(
          virtualService,
          "",
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Route.HeaderChanges.NONE,
          Route.HeaderChanges.NONE,
          List.of(),
          Optional.empty());
    }
    JsonNode route = matched.route();
    String namespace = Json.namespace(outcome.virtualService());
    return new Route.Http(
        virtualService,
        matched.name(),
        delay(route.path("fault").path("delay")),
        text(route, "timeout"),
        retries(route.path("retries")),
        headers(route.path("headers").path("request")),
        headers(route.path("headers").path("response")),
        mirrors(route, namespace),
        rewrite(route.path("rewrite")));
  }

  /** A fault's share in percent: {@code percentage.value}, else the deprecated {@code percent}. */
  static double percent(JsonNode fault) {
    if (fault.has("percentage")) {
      return fault.path("percentage").path("value").asDouble(0);
    }
    return fault.path("percent").asDouble(0);
  }

  private static Optional<Route.Delay> delay(JsonNode delay) {
    if (!delay.has("fixedDelay")) {
      return Optional.empty();
    }
    return Optional.of(new Route.Delay(delay.path("fixedDelay").asText(), percent(delay)));
  }

  private static Optional<Route.Retries> retries(JsonNode retries) {
    if (retries.isMissingNode()) {
      return Optional.empty();
    }
    return Optional.of(
        new Route.Retries(
            retries.path("attempts").asInt(0),
            retries.path("perTryTimeout").asText(""),
            retries.path("retryOn").asText("")));
  }

  private static Route.HeaderChanges headers(JsonNode operations) {
    if (operations.isMissingNode()) {
      return Route.HeaderChanges.NONE;
    }
    return new Route.HeaderChanges(
        Json.stringMap(operations.path("set")),
        Json.stringMap(operations.path("add")),
        Json.strings(operations.path("remove")));
  }

  private static List<Route.Mirror> mirrors(JsonNode route, String namespace) {
    List<Route.Mirror> mirrors = new ArrayList<>();
    if (route.has("mirror")) {
      double percent = 100;
      if (route.has("mirrorPercentage")) {
        percent = route.path("mirrorPercentage").path("value").asDouble(0);
      } else if (route.has("mirrorPercent")) {
        percent = route.path("mirrorPercent").asDouble(0);
      }
      mirror(route.path("mirror"), percent, namespace).ifPresent(mirrors::add);
    }
    for (JsonNode policy : route.path("mirrors")) {
      double percent = policy.has("percentage") ? percent(policy) : 100;
      mirror(policy.path("destination"), percent, namespace).ifPresent(mirrors::add);
    }
    return mirrors;
  }

  private static Optional<Route.Mirror> mirror(
      JsonNode destination, double percent, String namespace) {
    if (percent <= 0) {
      return Optional.empty();
    }
    return Optional.of(
        new Route.Mirror(
            Hosts.qualified(destination.path("host").asText(), namespace),
            destination.path("subset").asText(""),
            destination.path("port").path("number").asInt(0),
            percent));
  }

  private static Optional<Route.Rewrite> rewrite(JsonNode rewrite) {
    if (rewrite.isMissingNode()) {
      return Optional.empty();
    }
    JsonNode regex = rewrite.path("uriRegexRewrite");
    String uri =
        regex.isMissingNode()
            ? rewrite.path("uri").asText("")
            : regex.path("match").asText() + " -> " + regex.path("rewrite").asText();
    return Optional.of(new Route.Rewrite(uri, rewrite.path("authority").asText("")));
  }

  private static Optional<String> text(JsonNode node, String field) {
    return node.has(field) ? Optional.of(node.path(field).asText()) : Optional.empty();
  }
}
