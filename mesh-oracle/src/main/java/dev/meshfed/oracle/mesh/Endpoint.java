package dev.meshfed.oracle.mesh;

import java.util.Map;
import java.util.Optional;

/**
 * An endpoint of a registry service as a proxy sees it: a pod, or an address (a ServiceEntry's
 * static endpoint or a WorkloadEntry), with the port traffic goes to, its labels and network.
 */
record Endpoint(
    Optional<Pod> pod,
    String address,
    int port,
    Map<String, String> labels,
    String network,
    String serviceAccount,
    String locality) {

  static Endpoint of(Pod pod, int port) {
    return new Endpoint(
        Optional.of(pod),
        pod.ref(),
        port,
        pod.labels(),
        pod.network(),
        pod.serviceAccount(),
        pod.locality());
  }

  /**
   * The endpoint's TLS mode: its {@code security.istio.io/tlsMode} label, else {@code istio} when
   * it names a service account, else {@code disabled} (getTLSModeFromWorkloadEntry, 1.11 and 1.24).
   */
  String tlsMode() {
    String label = labels.get(Pod.TLS_MODE_LABEL);
    if (label != null) {
      return label;
    }
    return serviceAccount == null || serviceAccount.isEmpty() ? "disabled" : "istio";
  }

  Endpoint at(String address, int port) {
    return new Endpoint(Optional.empty(), address, port, labels, network, serviceAccount, locality);
  }
}
