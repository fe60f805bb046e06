package dev.meshfed.e2e;

import dev.meshfed.oracle.mesh.Reason;
import dev.meshfed.oracle.mesh.Route;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** What {@link Traffic}'s HTTP-level checks hold a routed request to. */
final class RouteExpectations {

  private RouteExpectations() {}

  /** The shares of the receiving pods, summed by their cluster. */
  static Map<String, Double> sharesByCluster(Route route) {
    Map<String, Double> shares = new TreeMap<>();
    route.arrivals().forEach(a -> shares.merge(a.pod().cluster(), a.share(), Double::sum));
    return shares;
  }

  /** Every cluster's share as wanted, within the tolerance; clusters not wanted take none. */
  static boolean within(Map<String, Double> actual, Map<String, Double> wanted, double tolerance) {
    Set<String> clusters = new TreeSet<>(actual.keySet());
    clusters.addAll(wanted.keySet());
    return clusters.stream()
        .allMatch(
            c -> Math.abs(actual.getOrDefault(c, 0.0) - wanted.getOrDefault(c, 0.0)) <= tolerance);
  }

  static boolean delayed(Route route, String fixedDelay, double percent) {
    return route
            .http()
            .delay()
            .filter(d -> d.fixedDelay().equals(fixedDelay))
            .filter(d -> Math.abs(d.percent() - percent) < 1e-9)
            .isPresent()
        && !route.arrivals().isEmpty();
  }

  static boolean aborted(Route route, int httpStatus, double share, double tolerance) {
    return Math.abs(route.blockedShare(Reason.ABORTED) - share) <= tolerance
        && route.blocked().stream()
            .filter(b -> b.reason() == Reason.ABORTED)
            .allMatch(b -> b.detail().contains("HTTP status " + httpStatus));
  }

  static boolean changesHeaders(
      Route route, Map<String, String> added, List<String> removedFromResponse) {
    return route.http().requestHeaders().add().equals(added)
        && route.http().responseHeaders().remove().equals(removedFromResponse);
  }

  /** Every share reaches a pod that denies it. */
  static boolean deniedEverywhere(Route route) {
    return route.arrivals().isEmpty()
        && !route.blocked().isEmpty()
        && route.reasons().equals(Set.of(Reason.DENIED));
  }

  /** All of it leaves the mesh for the address and port, with that TLS and SNI. */
  static boolean leaves(Route route, String address, int port, Route.EgressTls tls, String sni) {
    return route.reachable()
        && route.arrivals().isEmpty()
        && route.egress().stream()
            .allMatch(
                e ->
                    e.address().equals(address)
                        && e.port() == port
                        && e.tls() == tls
                        && e.sni().equals(sni));
  }
}
