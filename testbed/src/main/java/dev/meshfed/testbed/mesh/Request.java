package dev.meshfed.testbed.mesh;

/** A request from a sidecar in {@code cluster}/{@code namespace}, as {@code serviceAccount}. */
public record Request(
    String cluster, String namespace, String serviceAccount, String host, int port) {

  public static Request from(String cluster, String namespace, String host, int port) {
    return new Request(cluster, namespace, "default", host, port);
  }

  @Override
  public String toString() {
    return cluster + "/" + namespace + " (sa " + serviceAccount + ") -> " + host + ":" + port;
  }
}
