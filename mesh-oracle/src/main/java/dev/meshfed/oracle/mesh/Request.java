package dev.meshfed.oracle.mesh;

/**
 * A request from a sidecar in {@code cluster}/{@code namespace}, as {@code serviceAccount}, for
 * {@code host:port}; with a {@code subset} when a route sends it to one, and the proxy's {@code
 * locality} (empty: none, unknown).
 */
public record Request(
    String cluster,
    String namespace,
    String serviceAccount,
    String host,
    int port,
    String subset,
    String locality) {

  public static Request from(String cluster, String namespace, String host, int port) {
    return new Request(cluster, namespace, "default", host, port, "", "");
  }

  /** The same request, routed to a subset of the host (as a VirtualService route would). */
  public Request toSubset(String name) {
    return new Request(cluster, namespace, serviceAccount, host, port, name, locality);
  }

  /** The same request from a proxy in a locality ({@code region/zone/subzone}). */
  public Request at(String proxyLocality) {
    return new Request(cluster, namespace, serviceAccount, host, port, subset, proxyLocality);
  }

  @Override
  public String toString() {
    return cluster
        + "/"
        + namespace
        + " (sa "
        + serviceAccount
        + ") -> "
        + host
        + ":"
        + port
        + (subset.isEmpty() ? "" : " subset " + subset)
        + (locality.isEmpty() ? "" : " from " + locality);
  }
}
