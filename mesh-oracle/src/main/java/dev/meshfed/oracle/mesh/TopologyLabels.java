package dev.meshfed.oracle.mesh;

import java.util.Map;
import java.util.TreeMap;

/**
 * The labels failoverPriority compares: a workload's or endpoint's own, with the topology labels
 * istiod writes over them from its locality, cluster and network (AugmentLabels, 1.12-1.24). An
 * endpoint of a ServiceEntry or WorkloadEntry gets the cluster of the istiod reading it; the client
 * proxy gets its own (ads.go initializeProxy).
 */
final class TopologyLabels {

  static final String REGION = "topology.kubernetes.io/region";
  static final String ZONE = "topology.kubernetes.io/zone";
  static final String SUBZONE = "topology.istio.io/subzone";
  static final String CLUSTER = "topology.istio.io/cluster";
  static final String NETWORK = "topology.istio.io/network";

  private TopologyLabels() {}

  static Map<String, String> augment(
      Map<String, String> labels, String locality, String cluster, String network) {
    Map<String, String> out = new TreeMap<>(labels);
    put(out, REGION, Localities.part(locality, 0));
    put(out, ZONE, Localities.part(locality, 1));
    put(out, SUBZONE, Localities.part(locality, 2));
    put(out, CLUSTER, cluster);
    put(out, NETWORK, network);
    return out;
  }

  /** An endpoint's: a pod's cluster is its own, any other endpoint's the reading istiod's. */
  static Map<String, String> ofEndpoint(Endpoint endpoint, String viewerCluster) {
    String cluster = endpoint.pod().map(Pod::cluster).orElse(viewerCluster);
    return augment(endpoint.labels(), endpoint.locality(), cluster, endpoint.network());
  }

  private static void put(Map<String, String> labels, String key, String value) {
    if (value != null && !value.isEmpty()) {
      labels.put(key, value);
    }
  }
}
