package dev.meshfed.lab.bench;

import java.util.List;
import java.util.stream.IntStream;

/**
 * How big a bench mesh is: workload clusters, Services in each, and the namespaces they are spread
 * over (every cluster has the same namespaces, all in one workspace).
 *
 * @param virtualDestinationEvery grouped federation: every k-th Service name (svc-0, svc-k, …) gets
 *     a VirtualDestination over every cluster, a RouteTable and two policies ({@link GroupedMesh});
 *     0: none (the plain bench mesh)
 */
public record BenchSize(
    int clusters, int servicesPerCluster, int namespaces, int virtualDestinationEvery) {

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
    if (virtualDestinationEvery < 0) {
      throw new IllegalArgumentException(
          "a VirtualDestination every " + virtualDestinationEvery + " services means nothing");
    }
  }

  /** The plain bench mesh: Services federated by the workspace, no grouped federation. */
  public BenchSize(int clusters, int servicesPerCluster, int namespaces) {
    this(clusters, servicesPerCluster, namespaces, 0);
  }

  public boolean grouped() {
    return virtualDestinationEvery > 0;
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

  /** The namespace of Service number {@code n} (svc-N) in every cluster. */
  public String namespaceOf(int n) {
    return namespaceNames().get(n % namespaces);
  }

  /** The numbers of the Services that back a VirtualDestination (none unless grouped). */
  public List<Integer> virtualDestinationServices() {
    if (!grouped()) {
      return List.of();
    }
    return IntStream.range(0, servicesPerCluster)
        .filter(n -> n % virtualDestinationEvery == 0)
        .boxed()
        .toList();
  }

  /**
   * What every cluster should end up holding: an entry for each Service of every cluster (a remote
   * one for each other cluster's, a local one for its own), plus its east-west Gateway. Never a
   * multiple of the namespaces. Grouped, each VirtualDestination adds {@link
   * #objectsPerVirtualDestination}.
   */
  public int expectedDesiredPerCluster() {
    return clusters * servicesPerCluster
        + 1
        + virtualDestinationServices().size() * objectsPerVirtualDestination();
  }

  /**
   * What one VirtualDestination backed in every cluster, with its RouteTable, gives each cluster:
   * its ServiceEntry (selecting the local pods), a WorkloadEntry per other cluster (that cluster's
   * east-west gateway), its DestinationRule (where the policies' settings go) and the RouteTable's
   * VirtualService. Its host is under the federation's suffix, which the east-west Gateway passes
   * already: no Gateway of its own.
   */
  public int objectsPerVirtualDestination() {
    return 1 + (clusters - 1) + 1 + 1;
  }
}
