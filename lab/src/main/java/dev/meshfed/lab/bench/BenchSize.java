package dev.meshfed.lab.bench;

import java.util.List;
import java.util.stream.IntStream;

/**
 * How big a bench mesh is: workload clusters, Services in each, and the namespaces they are spread
 * over (every cluster has the same namespaces, all in one workspace).
 */
public record BenchSize(int clusters, int servicesPerCluster, int namespaces) {

  public static final String MANAGEMENT_CLUSTER = "mgmt";

  public BenchSize {
    if (clusters < 2 || servicesPerCluster < 1 || namespaces < 1) {
      throw new IllegalArgumentException(
          "a bench needs at least 2 clusters, 1 service and 1 namespace, not " + this);
    }
    if (namespaces > servicesPerCluster) {
      throw new IllegalArgumentException(
          "more namespaces ("
              + namespaces
              + ") than services per cluster ("
              + servicesPerCluster
              + ") would leave namespaces empty");
    }
  }

  /** cluster-01, cluster-02, …: sorted as numbered. */
  public List<String> workloadClusters() {
    int digits = String.valueOf(clusters).length();
    return IntStream.rangeClosed(1, clusters)
        .mapToObj(i -> String.format("cluster-%0" + Math.max(2, digits) + "d", i))
        .toList();
  }

  public List<String> namespaceNames() {
    return IntStream.range(0, namespaces).mapToObj(i -> "bench-" + i).toList();
  }

  /**
   * What every cluster should end up holding: an entry for each Service of every cluster (a remote
   * one for each other cluster's, a local one for its own), plus its east-west Gateway. Never a
   * multiple of the namespaces.
   */
  public int expectedDesiredPerCluster() {
    return clusters * servicesPerCluster + 1;
  }
}
