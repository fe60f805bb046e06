package dev.meshfed.oracle.mesh;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

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
    return edit(e -> e.locality = proxyLocality);
  }

  /** The same request from a proxy running as another service account of its namespace. */
  public Request as(String account) {
    return edit(e -> e.serviceAccount = account);
  }

  /** The same request for another path ({@code /api?x=1}: the query string is part of it). */
  public Request withPath(String newPath) {
    return edit(e -> e.path = newPath);
  }

  public Request withMethod(String newMethod) {
    return edit(e -> e.method = newMethod);
  }

  /** The same request with one more header; names are case-insensitive, so kept lower case. */
  public Request withHeader(String name, String value) {
    return edit(e -> e.headers.put(name.toLowerCase(java.util.Locale.ROOT), value));
  }

  public Request withQueryParameter(String name, String value) {
    return edit(e -> e.queryParameters.put(name, value));
  }

  /** The same request from a pod with these labels (what a match's sourceLabels select). */
  public Request withSourceLabels(Map<String, String> labels) {
    return edit(e -> e.sourceLabels = new TreeMap<>(labels));
  }

  /** The path without its query string: what Envoy's path matchers compare. */
  public String pathOnly() {
    int query = path.indexOf('?');
    return query < 0 ? path : path.substring(0, query);
  }

  /** This request as the client's proxy sends it on to a route destination's cluster. */
  Request with(String destinationHost, int destinationPort, String destinationSubset) {
    return edit(
        e -> {
          e.host = destinationHost;
          e.port = destinationPort;
          e.subset = destinationSubset;
        });
  }

  private Request edit(Consumer<Edit> change) {
    Edit edit = new Edit(this);
    change.accept(edit);
    return edit.request();
  }

  /** A request's fields, changed one by one into the next request. */
  private static final class Edit {
    private final String cluster;
    private final String namespace;
    private String serviceAccount;
    private String host;
    private int port;
    private String subset;
    private String locality;
    private String path;
    private String method;
    private final Map<String, String> headers;
    private final Map<String, String> queryParameters;
    private Map<String, String> sourceLabels;

    Edit(Request r) {
      cluster = r.cluster;
      namespace = r.namespace;
      serviceAccount = r.serviceAccount;
      host = r.host;
      port = r.port;
      subset = r.subset;
      locality = r.locality;
      path = r.path;
      method = r.method;
      headers = new TreeMap<>(r.headers);
      queryParameters = new TreeMap<>(r.queryParameters);
      sourceLabels = r.sourceLabels;
    }

    Request request() {
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
          sourceLabels);
    }
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
