package dev.meshfed.oracle.mesh;

import java.util.Map;
import java.util.TreeMap;

/**
 * A request from a sidecar in {@code cluster}/{@code namespace}, as {@code serviceAccount}, for
 * {@code host:port}; with a {@code subset} when a route already sends it to one (a VirtualService
 * is then not consulted again), the proxy's {@code locality} (empty: none, unknown), and what a
 * VirtualService can match on: the HTTP {@code path} (with any query string), {@code method},
 * {@code headers} (names lower case, as Envoy sees them), {@code queryParameters} and the labels of
 * the calling pod ({@code sourceLabels}, empty: a proxy whose labels nothing matches on).
 */
public record Request(
    String cluster,
    String namespace,
    String serviceAccount,
    String host,
    int port,
    String subset,
    String locality,
    String path,
    String method,
    Map<String, String> headers,
    Map<String, String> queryParameters,
    Map<String, String> sourceLabels) {

  public Request {
    headers = Map.copyOf(headers);
    queryParameters = Map.copyOf(queryParameters);
    sourceLabels = Map.copyOf(sourceLabels);
  }

  /** A GET of {@code /} without headers, query parameters or source labels. */
  public Request(
      String cluster,
      String namespace,
      String serviceAccount,
      String host,
      int port,
      String subset,
      String locality) {
    this(
        cluster,
        namespace,
        serviceAccount,
        host,
        port,
        subset,
        locality,
        "/",
        "GET",
        Map.of(),
        Map.of(),
        Map.of());
  }

  public static Request from(String cluster, String namespace, String host, int port) {
    return new Request(cluster, namespace, "default", host, port, "", "");
  }

  /** The same request, routed to a subset of the host (as a VirtualService route would). */
  public Request toSubset(String name) {
    return with(host, port, name);
  }

  /** The same request from a proxy in a locality ({@code region/zone/subzone}). */
  public Request at(String proxyLocality) {
    return new Request(
        cluster,
        namespace,
        serviceAccount,
        host,
        port,
        subset,
        proxyLocality,
        path,
        method,
        headers,
        queryParameters,
        sourceLabels);
  }

  /** The same request from a proxy running as another service account of its namespace. */
  public Request as(String account) {
    return new Request(
        cluster,
        namespace,
        account,
        host,
        port,
        subset,
        locality,
        path,
        method,
        headers,
        queryParameters,
        sourceLabels);
  }

  /** The same request for another path ({@code /api?x=1}: the query string is part of it). */
  public Request withPath(String newPath) {
    return new Request(
        cluster,
        namespace,
        serviceAccount,
        host,
        port,
        subset,
        locality,
        newPath,
        method,
        headers,
        queryParameters,
        sourceLabels);
  }

  public Request withMethod(String newMethod) {
    return new Request(
        cluster,
        namespace,
        serviceAccount,
        host,
        port,
        subset,
        locality,
        path,
        newMethod,
        headers,
        queryParameters,
        sourceLabels);
  }

  /** The same request with one more header; names are case-insensitive, so kept lower case. */
  public Request withHeader(String name, String value) {
    Map<String, String> more = new TreeMap<>(headers);
    more.put(name.toLowerCase(java.util.Locale.ROOT), value);
    return new Request(
        cluster,
        namespace,
        serviceAccount,
        host,
        port,
        subset,
        locality,
        path,
        method,
        more,
        queryParameters,
        sourceLabels);
  }

  public Request withQueryParameter(String name, String value) {
    Map<String, String> more = new TreeMap<>(queryParameters);
    more.put(name, value);
    return new Request(
        cluster,
        namespace,
        serviceAccount,
        host,
        port,
        subset,
        locality,
        path,
        method,
        headers,
        more,
        sourceLabels);
  }

  /** The same request from a pod with these labels (what a match's sourceLabels select). */
  public Request withSourceLabels(Map<String, String> labels) {
    return new Request(
        cluster,
        namespace,
        serviceAccount,
        host,
        port,
        subset,
        locality,
        path,
        method,
        headers,
        queryParameters,
        labels);
  }

  /** The path without its query string: what Envoy's path matchers compare. */
  public String pathOnly() {
    int query = path.indexOf('?');
    return query < 0 ? path : path.substring(0, query);
  }

  /** This request as the client's proxy sends it on to a route destination's cluster. */
  Request with(String destinationHost, int destinationPort, String destinationSubset) {
    return new Request(
        cluster,
        namespace,
        serviceAccount,
        destinationHost,
        destinationPort,
        destinationSubset,
        locality,
        path,
        method,
        headers,
        queryParameters,
        sourceLabels);
  }

  @Override
  public String toString() {
    boolean http =
        !path.equals("/")
            || !method.equals("GET")
            || !headers.isEmpty()
            || !queryParameters.isEmpty();
    return cluster
        + "/"
        + namespace
        + " (sa "
        + serviceAccount
        + ") -> "
        + host
        + ":"
        + port
        + (http ? " " + method + " " + path : "")
        + (headers.isEmpty() ? "" : " " + new TreeMap<>(headers))
        + (queryParameters.isEmpty() ? "" : " query " + new TreeMap<>(queryParameters))
        + (subset.isEmpty() ? "" : " subset " + subset)
        + (locality.isEmpty() ? "" : " from " + locality);
  }
}
