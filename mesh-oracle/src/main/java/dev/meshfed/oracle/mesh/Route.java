package dev.meshfed.oracle.mesh;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Where a request goes: the pods that receive it with their share, what is blocked and why, what
 * leaves the mesh for an endpoint outside every cluster ({@code egress}), and the VirtualService
 * HTTP route the client's proxy applied ({@link Http#NONE} when none did). The shares of arrivals,
 * blocked and egress add up to 1.
 */
public record Route(
    Request request,
    List<Arrival> arrivals,
    List<Blocked> blocked,
    List<Egress> egress,
    Http http) {

  /** A backend pod receiving {@code share} (0..1] of the request's connections. */
  public record Arrival(Pod pod, double share) {}

  /** A share of the request's connections that reaches no pod, and why. */
  public record Blocked(Reason reason, String detail, double share) {}

  /**
   * A share of the request's connections that the client's proxy sends out of the mesh, to {@code
   * address:port} of a MESH_EXTERNAL service (an IP, or a host name the proxy resolves), {@code
   * tls} saying how: the proxy originates TLS with {@code sni} (empty: the DestinationRule names
   * none), or it forwards what the application sent.
   */
  public record Egress(String address, int port, EgressTls tls, String sni, double share) {

    Egress scaled(double factor) {
      return new Egress(address, port, tls, sni, share * factor);
    }

    @Override
    public String toString() {
      return "egress to "
          + address
          + ":"
          + port
          + (tls == EgressTls.ORIGINATED ? " (TLS originated, SNI " + sni + ")" : "");
    }
  }

  /** How a connection leaves the client's proxy for an external endpoint. */
  public enum EgressTls {
    /** A DestinationRule's SIMPLE or MUTUAL TLS: the proxy originates TLS. */
    ORIGINATED,
    /** As the application sent it: plaintext, or the application's own TLS passed through. */
    NONE
  }

  public Route(Request request, List<Arrival> arrivals, List<Blocked> blocked) {
    this(request, arrivals, blocked, List.of(), Http.NONE);
  }

  public Route(Request request, List<Arrival> arrivals, List<Blocked> blocked, Http http) {
    this(request, arrivals, blocked, List.of(), http);
  }

  /**
   * The VirtualService HTTP route that routed the request ({@code namespace/name} and the route's
   * name, {@code route.match} when its match is named, as Istio names the Envoy route), and what it
   * asks of the client's proxy besides the destinations: a fault delay, the timeout, retries,
   * header changes, mirrors and rewrite. Strings are the VirtualService's own (durations as
   * written).
   */
  public record Http(
      String virtualService,
      String routeName,
      Optional<Delay> delay,
      Optional<String> timeout,
      Optional<Retries> retries,
      HeaderChanges requestHeaders,
      HeaderChanges responseHeaders,
      List<Mirror> mirrors,
      Optional<Rewrite> rewrite) {

    public static final Http NONE =
        new Http(
            "",
            "",
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            HeaderChanges.NONE,
            HeaderChanges.NONE,
            List.of(),
            Optional.empty());

    /** Whether a VirtualService routed the request. */
    public boolean applied() {
      return !virtualService.isEmpty();
    }

    @Override
    public String toString() {
      if (!applied()) {
        return "";
      }
      List<String> parts = new ArrayList<>();
      parts.add("VirtualService " + virtualService + (routeName.isEmpty() ? "" : " " + routeName));
      delay.ifPresent(d -> parts.add("delay " + d.fixedDelay() + " for " + d.percent() + "%"));
      timeout.ifPresent(t -> parts.add("timeout " + t));
      retries.ifPresent(r -> parts.add("retries " + r));
      if (!requestHeaders.isEmpty()) {
        parts.add("request headers " + requestHeaders);
      }
      if (!responseHeaders.isEmpty()) {
        parts.add("response headers " + responseHeaders);
      }
      mirrors.forEach(m -> parts.add("mirror " + m));
      rewrite.ifPresent(r -> parts.add("rewrite " + r));
      return String.join(", ", parts);
    }
  }

  /** A fault delay: {@code fixedDelay} for {@code percent} (0..100) of the requests. */
  public record Delay(String fixedDelay, double percent) {}

  /**
   * {@code attempts} retries, each within {@code perTryTimeout} (empty: unset), on {@code retryOn}.
   */
  public record Retries(int attempts, String perTryTimeout, String retryOn) {
    @Override
    public String toString() {
      return attempts
          + (perTryTimeout.isEmpty() ? "" : " per try " + perTryTimeout)
          + (retryOn.isEmpty() ? "" : " on " + retryOn);
    }
  }

  /** Headers set (overwritten), added (appended) and removed. */
  public record HeaderChanges(
      Map<String, String> set, Map<String, String> add, List<String> remove) {
    public static final HeaderChanges NONE = new HeaderChanges(Map.of(), Map.of(), List.of());

    public boolean isEmpty() {
      return set.isEmpty() && add.isEmpty() && remove.isEmpty();
    }

    @Override
    public String toString() {
      return (set.isEmpty() ? "" : "set " + set + " ")
          + (add.isEmpty() ? "" : "add " + add + " ")
          + (remove.isEmpty() ? "" : "remove " + remove);
    }
  }

  /** A copy of {@code percent} (0..100) of the requests to {@code host} (port 0: unset). */
  public record Mirror(String host, String subset, int port, double percent) {
    @Override
    public String toString() {
      return host
          + (port == 0 ? "" : ":" + port)
          + (subset.isEmpty() ? "" : " subset " + subset)
          + " "
          + percent
          + "%";
    }
  }

  /**
   * The path prefix ({@code uri}) and {@code authority} the route rewrites to, empty when unset.
   */
  public record Rewrite(String uri, String authority) {}

  static Route blocked(Request request, Reason reason, String detail) {
    return new Route(request, List.of(), List.of(new Blocked(reason, detail, 1.0)));
  }

  /**
   * Every connection reaches a pod or leaves the mesh for an external endpoint: none is blocked.
   */
  public boolean reachable() {
    return (!arrivals.isEmpty() || !egress.isEmpty()) && blocked.isEmpty();
  }

  /** Every connection reaches a pod: none is blocked, none leaves the mesh. */
  public boolean reachesOnlyPods() {
    return !arrivals.isEmpty() && blocked.isEmpty() && egress.isEmpty();
  }

  /** The share of the request that leaves the mesh. */
  public double egressShare() {
    return egress.stream().mapToDouble(Egress::share).sum();
  }

  /** The receiving pods, {@code cluster/namespace/name}. */
  public Set<String> backends() {
    return arrivals.stream().map(a -> a.pod().ref()).collect(Collectors.toCollection(TreeSet::new));
  }

  public Set<Reason> reasons() {
    return blocked.stream().map(Blocked::reason).collect(Collectors.toCollection(TreeSet::new));
  }

  /** The share of the request blocked for {@code reason}. */
  public double blockedShare(Reason reason) {
    return blocked.stream().filter(b -> b.reason() == reason).mapToDouble(Blocked::share).sum();
  }

  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    arrivals.forEach(a -> parts.add(a.pod().ref() + " " + percent(a.share())));
    blocked.forEach(b -> parts.add(b.reason() + " " + percent(b.share()) + ": " + b.detail()));
    egress.forEach(e -> parts.add(e + " " + percent(e.share())));
    return request + (http.applied() ? " [" + http + "]" : "") + " => " + String.join("; ", parts);
  }

  private static String percent(double share) {
    return Math.round(share * 1000) / 10.0 + "%";
  }
}
