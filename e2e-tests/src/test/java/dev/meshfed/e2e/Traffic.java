package dev.meshfed.e2e;

import dev.meshfed.oracle.mesh.ClusterObjects;
import dev.meshfed.oracle.mesh.MeshOracle;
import dev.meshfed.oracle.mesh.Request;
import dev.meshfed.oracle.mesh.Route;
import dev.meshfed.testbed.SimulatedCluster;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a converged step must carry, checked through the mesh oracle against every sidecar namespace
 * of every Istio cluster: a federated host reaches its service's pods from exactly its consumers
 * and from nowhere else; a withdrawn host from nowhere; a service under isolation admits exactly
 * the listed namespaces of its own cluster; a VirtualService route splits, delays or aborts a
 * caller's requests as its RouteTable said; a request for an external service leaves the mesh.
 */
final class Traffic {

  private final MeshOracle oracle;
  private final List<String> failures = new ArrayList<>();
  private final Map<String, String> localities = new LinkedHashMap<>();
  private int checked;

  private Traffic(MeshOracle oracle) {
    this.oracle = oracle;
  }

  /** The mesh as the step left it in the simulated clusters. */
  static Traffic of(ScenarioRun run) {
    return of(run.pipeline().clusters().values());
  }

  /** The mesh as it is now in the simulated clusters. */
  static Traffic of(java.util.Collection<SimulatedCluster> clusters) {
    Map<String, KubernetesClient> clients = new LinkedHashMap<>();
    for (SimulatedCluster cluster : clusters) {
      clients.put(cluster.name(), cluster.client());
    }
    return new Traffic(new MeshOracle(ClusterObjects.read(clients)));
  }

  /**
   * {@code host:port} reaches the pods of Service {@code service} (as {@code
   * cluster/namespace/name}) from exactly the {@code consumers} ({@code cluster/namespace}). The
   * owner's east-west gateway namespace is left out unless listed: the local entry is exported
   * there so that the gateway builds the SNI cluster, so proxies there see it too, and whether they
   * may call the pods is for isolation to say ({@link #admitsLocally}).
   */
  Traffic federated(String host, int port, String service, String... consumers) {
    return backedBy(host, port, List.of(service), consumers);
  }

  /**
   * {@code host:port} reaches the pods of every Service of {@code services} (a VirtualDestination's
   * backing services) from exactly the {@code consumers}, and no pod from anywhere else; the
   * backing clusters' east-west gateway namespaces are left out unless listed.
   */
  Traffic backedBy(String host, int port, List<String> services, String... consumers) {
    Set<String> pods = new java.util.TreeSet<>();
    Set<String> gateways = new java.util.TreeSet<>();
    for (String service : services) {
      String[] parts = service.split("/");
      Set<String> its = oracle.podsOf(parts[0], parts[1], parts[2]);
      if (its.isEmpty()) {
        failures.add(service + " has no ready pods to receive " + host);
      }
      pods.addAll(its);
      oracle.eastWestGatewayNamespaces(parts[0]).forEach(ns -> gateways.add(parts[0] + "/" + ns));
    }
    Set<String> from = Set.of(consumers);
    for (Route route : fromEverywhere(host, port)) {
      String caller = route.request().cluster() + "/" + route.request().namespace();
      if (gateways.contains(caller) && !from.contains(caller)) {
        continue;
      }
      if (from.contains(caller)) {
        expect(route.reachesOnlyPods() && route.backends().equals(pods), route, "reach " + pods);
      } else {
        expect(route.arrivals().isEmpty(), route, "reach no pod");
      }
    }
    return this;
  }

  /**
   * The proxies of {@code cluster} are in {@code locality} ({@code region/zone}): its nodes', which
   * locality load balancing ranks endpoints by.
   */
  Traffic locatedAt(String cluster, String locality) {
    localities.put(cluster, locality);
    return this;
  }

  /**
   * From namespace {@code caller} ({@code cluster/namespace}), {@code host:port} reaches exactly
   * the pods of the {@code services} ({@code cluster/namespace/name}): where locality priorities
   * keep a caller's requests.
   */
  Traffic reachesFrom(String caller, String host, int port, String... services) {
    Set<String> pods = new java.util.TreeSet<>();
    for (String service : services) {
      String[] parts = service.split("/");
      pods.addAll(oracle.podsOf(parts[0], parts[1], parts[2]));
    }
    String[] from = caller.split("/");
    Route route = oracle.route(request(from[0], from[1], host, port));
    expect(route.reachesOnlyPods() && route.backends().equals(pods), route, "reach " + pods);
    return this;
  }

  /**
   * The request reaches exactly the {@code pods} ({@code cluster/namespace/name}; a Deployment's
   * replicas are named {@code DEPLOYMENT-0}, {@code -1}, ...), all of it.
   */
  Traffic reachesPods(Request request, String... pods) {
    Route route = oracle.route(request);
    Set<String> wanted = new java.util.TreeSet<>(List.of(pods));
    expect(route.reachesOnlyPods() && route.backends().equals(wanted), route, "reach " + wanted);
    return this;
  }

  /**
   * A GET of {@code /} from namespace {@code caller} ({@code cluster/namespace}) for {@code
   * host:port}, from the caller cluster's locality when {@link #locatedAt} gave one; add a path,
   * headers or query parameters with {@link Request}'s withers.
   */
  Request from(String caller, String host, int port) {
    String[] parts = caller.split("/");
    return request(parts[0], parts[1], host, port);
  }

  /**
   * The request's receiving pods, summed by their cluster, take {@code sharesByCluster} (cluster
   * name to share, 0..1) each within {@code tolerance}, and no other cluster's pods receive any: a
   * weighted split across clusters. Shares the route blocks (an abort, say) count for no cluster,
   * so list only what should arrive.
   */
  Traffic splits(Request request, Map<String, Double> sharesByCluster, double tolerance) {
    Route route = oracle.route(request);
    Map<String, Double> actual = RouteExpectations.sharesByCluster(route);
    expect(
        RouteExpectations.within(actual, sharesByCluster, tolerance),
        route,
        "split " + sharesByCluster + " (±" + tolerance + "), not " + actual);
    return this;
  }

  /** {@link #splits(Request, Map, double)} for a GET of {@code /} from {@code caller}. */
  Traffic splits(
      String caller, String host, int port, Map<String, Double> sharesByCluster, double tolerance) {
    return splits(from(caller, host, port), sharesByCluster, tolerance);
  }

  /**
   * A VirtualService route delays the request by {@code fixedDelay} (as written, {@code 5s}) for
   * {@code percent} (0..100) of the requests, and the request still reaches pods.
   */
  Traffic delays(Request request, String fixedDelay, double percent) {
    Route route = oracle.route(request);
    expect(
        RouteExpectations.delayed(route, fixedDelay, percent),
        route,
        "be delayed " + fixedDelay + " for " + percent + "% and reach pods");
    return this;
  }

  /**
   * A VirtualService route's fault aborts {@code share} (0..1, within {@code tolerance}) of the
   * request with HTTP status {@code httpStatus}; the rest is left to other checks.
   */
  Traffic aborts(Request request, int httpStatus, double share, double tolerance) {
    Route route = oracle.route(request);
    expect(
        RouteExpectations.aborted(route, httpStatus, share, tolerance),
        route,
        "abort " + share + " (±" + tolerance + ") with HTTP status " + httpStatus);
    return this;
  }

  /**
   * The request's route mirrors {@code percent} (0..100) of it, and the copy (to the mirror's host,
   * port and subset, which no VirtualService reroutes) reaches exactly the {@code pods}.
   */
  Traffic mirrors(Request request, double percent, String... pods) {
    Route route = oracle.route(request);
    Optional<Route.Mirror> mirror = route.http().mirrors().stream().findFirst();
    if (mirror.isEmpty() || Math.abs(mirror.get().percent() - percent) > 1e-9) {
      expect(false, route, "mirror " + percent + "% of the requests");
      return this;
    }
    Route.Mirror to = mirror.get();
    Request copy =
        Request.from(
                request.cluster(),
                request.namespace(),
                to.host(),
                to.port() == 0 ? request.port() : to.port())
            .toSubset(to.subset());
    Route copied = oracle.route(copy);
    Set<String> wanted = new java.util.TreeSet<>(List.of(pods));
    expect(
        copied.reachesOnlyPods() && copied.backends().equals(wanted),
        copied,
        "carry the mirrored copy to " + wanted);
    return this;
  }

  /** The request's route adds {@code header: value} to it and removes the response headers. */
  Traffic changesHeaders(
      Request request, Map<String, String> added, List<String> removedFromResponse) {
    Route route = oracle.route(request);
    expect(
        RouteExpectations.changesHeaders(route, added, removedFromResponse),
        route,
        "add request headers " + added + " and remove response headers " + removedFromResponse);
    return this;
  }

  /** Every share of the request reaches a pod that denies it (an AuthorizationPolicy). */
  Traffic denies(Request request) {
    Route route = oracle.route(request);
    expect(RouteExpectations.deniedEverywhere(route), route, "be denied by every pod it reaches");
    return this;
  }

  /**
   * All of the request leaves the mesh for {@code address:port} (an external service's IP or host
   * name) as the application sent it: plaintext, or its own TLS passed through.
   */
  Traffic leavesMesh(Request request, String address, int port) {
    return leavesMesh(request, address, port, Route.EgressTls.NONE, "");
  }

  /**
   * All of the request leaves the mesh for {@code address:port}, the client's sidecar originating
   * TLS with {@code sni} (a DestinationRule's SIMPLE or MUTUAL TLS; empty: the rule names none).
   */
  Traffic leavesMeshWithTls(Request request, String address, int port, String sni) {
    return leavesMesh(request, address, port, Route.EgressTls.ORIGINATED, sni);
  }

  private Traffic leavesMesh(
      Request request, String address, int port, Route.EgressTls tls, String sni) {
    Route route = oracle.route(request);
    expect(
        RouteExpectations.leaves(route, address, port, tls, sni),
        route,
        "leave the mesh for "
            + address
            + ":"
            + port
            + (tls == Route.EgressTls.ORIGINATED ? " with TLS originated (SNI " + sni + ")" : ""));
    return this;
  }

  /** {@code host:port} reaches no pod from anywhere. */
  Traffic nowhere(String host, int port) {
    fromEverywhere(host, port)
        .forEach(route -> expect(route.arrivals().isEmpty(), route, "reach no pod"));
    return this;
  }

  /**
   * The cluster-local host of Service {@code cluster/namespace/name} reaches its pods from exactly
   * the {@code allowed} namespaces of its cluster: isolation denies the others.
   */
  Traffic admitsLocally(String service, int port, String... allowed) {
    String[] parts = service.split("/");
    String host = parts[2] + "." + parts[1] + ".svc.cluster.local";
    Set<String> pods = oracle.podsOf(parts[0], parts[1], parts[2]);
    Set<String> admitted = Set.of(allowed);
    for (String namespace : oracle.namespaces(parts[0])) {
      Route route = oracle.route(Request.from(parts[0], namespace, host, port));
      if (admitted.contains(namespace)) {
        expect(route.reachesOnlyPods() && route.backends().equals(pods), route, "reach " + pods);
      } else {
        expect(route.arrivals().isEmpty(), route, "be denied");
      }
    }
    return this;
  }

  /** How many routes were checked so far. */
  int checked() {
    return checked;
  }

  /** The routes that did not go as expected so far, each with what was expected. */
  List<String> failures() {
    return List.copyOf(failures);
  }

  /** Fails with every route that did not go as expected. */
  void check() {
    if (!failures.isEmpty()) {
      throw new AssertionError(
          failures.size()
              + " of "
              + checked
              + " routes went otherwise than expected:\n  "
              + String.join("\n  ", failures));
    }
  }

  private List<Route> fromEverywhere(String host, int port) {
    List<Route> routes = new ArrayList<>();
    for (String cluster : oracle.meshClusters()) {
      for (String namespace : oracle.namespaces(cluster)) {
        routes.add(oracle.route(request(cluster, namespace, host, port)));
      }
    }
    return routes;
  }

  private Request request(String cluster, String namespace, String host, int port) {
    Request request = Request.from(cluster, namespace, host, port);
    String locality = localities.get(cluster);
    return locality == null ? request : request.at(locality);
  }

  private void expect(boolean holds, Route route, String expectation) {
    checked++;
    if (!holds) {
      failures.add("expected to " + expectation + ": " + route);
    }
  }
}
