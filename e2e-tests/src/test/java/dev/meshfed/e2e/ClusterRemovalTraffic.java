package dev.meshfed.e2e;

/**
 * The cluster-removal scenario's two federated hosts, and the traffic while both clusters are in.
 */
final class ClusterRemovalTraffic {

  static final String PRODUCTPAGE = "productpage.bookinfo.svc.cluster1.global";
  static final String REVIEWS = "reviews.bookinfo.svc.cluster2.global";

  private ClusterRemovalTraffic() {}

  /** Each host reaches its pods from bookinfo in both clusters, and from nowhere else. */
  static void assertFederatedBothWays(ScenarioRun run) {
    String[] bookinfo = {"cluster1/bookinfo", "cluster2/bookinfo"};
    Traffic.of(run)
        .federated(PRODUCTPAGE, 9080, "cluster1/bookinfo/productpage", bookinfo)
        .federated(REVIEWS, 9080, "cluster2/bookinfo/reviews", bookinfo)
        .check();
  }
}
