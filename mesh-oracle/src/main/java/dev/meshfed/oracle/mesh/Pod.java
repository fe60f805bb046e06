package dev.meshfed.oracle.mesh;

import java.util.Map;

/**
 * A workload instance of a cluster: a Pod, or one modelled from a Deployment, StatefulSet or
 * DaemonSet, or the one Ready injected pod the oracle models for a Service whose workloads the
 * scenario does not declare. Its locality is {@code region/zone/subzone} (a part not known is
 * empty).
 */
public record Pod(
    String cluster,
    String namespace,
    String name,
    Map<String, String> labels,
    String serviceAccount,
    Map<String, Integer> containerPorts,
    String network,
    String locality,
    boolean ready) {

  /** The label the sidecar injector adds; an endpoint's tlsMode comes from it. */
  static final String TLS_MODE_LABEL = "security.istio.io/tlsMode";

  public String ref() {
    return cluster + "/" + namespace + "/" + name;
  }
}
