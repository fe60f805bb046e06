package dev.meshfed.oracle.mesh;

/** Istio's host names: exact, or a {@code *.suffix} wildcard (pkg/config/host Name.Matches). */
final class Hosts {

  private Hosts() {}

  /**
   * Whether {@code pattern} (exact, {@code *} or {@code *.suffix}) covers the host {@code host}.
   */
  static boolean covers(String pattern, String host) {
    if (pattern.equals("*")) {
      return true;
    }
    if (pattern.startsWith("*")) {
      return host.endsWith(pattern.substring(1));
    }
    return pattern.equals(host);
  }

  /** A short name in a namespaced object resolves in that namespace, as Kubernetes DNS would. */
  static String qualified(String host, String namespace) {
    return host.contains(".") || host.contains("*")
        ? host
        : host + "." + namespace + ".svc.cluster.local";
  }
}
