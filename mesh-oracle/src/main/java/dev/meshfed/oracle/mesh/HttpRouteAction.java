package dev.meshfed.oracle.mesh;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the client's proxy does with a request its VirtualService route matched. A redirect or a
 * direct response is answered by the proxy itself. Otherwise the fault abort's share is answered
 * with its status (an abort without a percentage aborts nothing: TranslateFault leaves Envoy's
 * percentage at 0, and one without an error type is dropped), and the rest is split across the
 * route's destinations: one takes all, several share by weight, those of weight 0 ignored
 * (applyHTTPRouteDestination). Each destination is a cluster of the client's proxy, {@code
 * outbound|port|subset|host} (GetDestinationCluster: the destination's port, else the service's
 * only port, else the request's), reached as any request to that host is ({@link Delivery}); a
 * destination no visible service provides is no cluster, so Envoy answers 503 (NC). Destinations
 * are not routed again by their own VirtualServices: Istio does not chain them.
 */
final class HttpRouteAction {

  private final Map<String, ClusterModel> clusters;
  private final ClusterModel client;
  private final Request request;
  private final List<Route.Arrival> arrivals = new ArrayList<>();
  private final List<Route.Blocked> blocked = new ArrayList<>();
  private final List<Route.Egress> egress = new ArrayList<>();

  HttpRouteAction(Map<String, ClusterModel> clusters, ClusterModel client, Request request) {
    this.clusters = clusters;
    this.client = client;
    this.request = request;
  }

  Route apply(HttpRouting.Outcome outcome) {
    Route.Http http = HttpRouteReport.of(outcome);
    String where = "VirtualService " + http.virtualService();
    if (!(outcome instanceof HttpRouting.Matched matched)) {
      block(Reason.NO_MATCHING_ROUTE, "404: no HTTP route of " + where + " matches", 1.0);
    } else if (matched.route().has("redirect")) {
      block(Reason.REDIRECTED, redirect(matched.route().path("redirect")), 1.0);
    } else if (matched.route().has("directResponse")) {
      JsonNode response = matched.route().path("directResponse");
      block(
          Reason.DIRECT_RESPONSE,
          response.path("status").asInt()
              + (response.path("body").has("string")
                  ? " \"" + response.path("body").path("string").asText() + "\""
                  : "")
              + " from "
              + where,
          1.0);
    } else {
      double aborted = abort(matched.route().path("fault").path("abort"), where);
      destinations(matched, 1.0 - aborted);
    }
    return new Route(
        request, List.copyOf(arrivals), List.copyOf(blocked), List.copyOf(egress), http);
  }

  /** Blocks the abort's share, which it returns. */
  private double abort(JsonNode abort, String where) {
    Optional<String> status =
        abort.has("httpStatus")
            ? Optional.of("HTTP status " + abort.path("httpStatus").asInt())
            : abort.has("grpcStatus")
                ? Optional.of("gRPC status " + abort.path("grpcStatus").asText())
                : Optional.empty();
    double share = Math.min(1.0, Math.max(0.0, HttpRouteReport.percent(abort) / 100.0));
    if (status.isEmpty() || share == 0) {
      return 0;
    }
    block(Reason.ABORTED, status.get() + " (fault abort of " + where + ")", share);
    return share;
  }

  private void destinations(HttpRouting.Matched matched, double share) {
    if (share <= 0) {
      return;
    }
    List<JsonNode> destinations = new ArrayList<>();
    matched.route().path("route").forEach(destinations::add);
    if (destinations.size() > 1) {
      destinations.removeIf(d -> d.path("weight").asInt(0) == 0);
    }
    if (destinations.isEmpty()) {
      block(Reason.NO_CLUSTER, "every destination of the route has weight 0", share);
      return;
    }
    double total =
        destinations.size() == 1
            ? 1
            : destinations.stream().mapToDouble(d -> d.path("weight").asInt()).sum();
    String namespace = Json.namespace(matched.virtualService());
    for (JsonNode destination : destinations) {
      double weight = destinations.size() == 1 ? 1 : destination.path("weight").asInt();
      deliver(destination.path("destination"), namespace, share * weight / total);
    }
  }

  private void deliver(JsonNode destination, String namespace, double share) {
    String host = Hosts.qualified(destination.path("host").asText(), namespace);
    String subset = destination.path("subset").asText("");
    Optional<MeshService> service =
        client.registry().stream()
            .filter(s -> s.host().equals(host))
            .filter(s -> Visibility.visibleToSidecar(client, request.namespace(), s))
            .min(ClusterModel.preference(request.namespace()));
    int portNumber =
        destination.path("port").has("number")
            ? destination.path("port").path("number").asInt()
            : service
                .filter(s -> s.ports().size() == 1)
                .map(s -> s.ports().get(0).number())
                .orElse(request.port());
    String cluster = "outbound|" + portNumber + "|" + subset + "|" + host;
    Optional<MeshPort> port = service.flatMap(s -> s.port(portNumber));
    if (port.isEmpty()) {
      block(
          Reason.NO_CLUSTER,
          "503: the proxy has no cluster "
              + cluster
              + (service.isEmpty()
                  ? " (no service with the host visible to namespace " + request.namespace() + ")"
                  : " (" + service.get().ref() + " has no port " + portNumber + ")"),
          share);
      return;
    }
    Request sent = request.with(host, portNumber, subset);
    Route delivered = new Delivery(clusters, sent, client, service.get(), port.get()).run();
    delivered.arrivals().forEach(a -> arrivals.add(new Route.Arrival(a.pod(), a.share() * share)));
    delivered.blocked().forEach(b -> block(b.reason(), b.detail(), b.share() * share));
    delivered.egress().forEach(e -> egress.add(e.scaled(share)));
  }

  /** ApplyRedirect: the Location the proxy answers with, and its code (301 by default). */
  private String redirect(JsonNode redirect) {
    String scheme = redirect.path("scheme").asText("http");
    String authority = redirect.path("authority").asText(request.host());
    int port =
        redirect.has("port")
            ? redirect.path("port").asInt()
            : "FROM_REQUEST_PORT".equals(redirect.path("derivePort").asText()) ? request.port() : 0;
    boolean defaultPort =
        (port == 80 && scheme.equals("http")) || (port == 443 && scheme.equals("https"));
    int code = redirect.path("redirectCode").asInt(0);
    return (code == 0 ? 301 : code)
        + " to "
        + scheme
        + "://"
        + authority
        + (port == 0 || defaultPort ? "" : ":" + port)
        + redirect.path("uri").asText(request.pathOnly());
  }

  private void block(Reason reason, String detail, double share) {
    blocked.add(new Route.Blocked(reason, detail, share));
  }
}
