package dev.meshfed.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The workshop's routing demos on reviews.global (reviews in cluster1: v1, v2; in cluster2: v3): a
 * RouteTable splits it 50/50 between the clusters' reviews; then jason is routed to subset v1,
 * which only cluster1 runs, through its east-west gateway from cluster2; a FaultInjectionPolicy
 * delays ratings, a HeaderManipulationPolicy changes its headers, a MirrorPolicy copies a tenth of
 * the split to v2; then the same in Gloo Mesh's own apiVersions, with the same Istio config; then
 * an AccessPolicy admits only productpage to reviews, in both clusters; ExternalServices are
 * reached outside the mesh; and the split's cluster1 half goes to subset v2 of the plain reviews
 * Service, whose outlier detection and failover policies give it DestinationRules.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RouteTableIT {

  private static final String REVIEWS = "reviews.global";
  private static final String RATINGS = "ratings.bookinfo.svc.cluster.local";
  private static final Map<String, Double> HALF_EACH = Map.of("cluster1", 0.5, "cluster2", 0.5);
  private static final double TOLERANCE = 0.001;
  private static final Duration STATUS_TIMEOUT = Duration.ofSeconds(30);

  @RegisterExtension
  static final ScenarioRun run = new ScenarioRun("route-tables", List.of("crds/gloo"));

  @Test
  @Order(1)
  void aRouteTableSplitsTheGlobalHostHalfAndHalfBetweenTheClusters() throws Exception {
    run.runAndCompare("01-split");

    Traffic.of(run)
        .splits("cluster1/bookinfo", REVIEWS, 9080, HALF_EACH, TOLERANCE)
        .splits("cluster2/bookinfo", REVIEWS, 9080, HALF_EACH, TOLERANCE)
        .check();
    assertThat(
            status("meshfed.dev/v1alpha1", "RouteTable", "reviews", s -> s.containsKey("routes")))
        .containsEntry("state", "ACCEPTED")
        .containsEntry("routes", 1);
  }

  @Test
  @Order(2)
  void jasonGetsV1FromEitherClusterAndRatingsIsDelayed() throws Exception {
    run.runAndCompare("02-subset-and-fault");

    Traffic traffic = Traffic.of(run);
    traffic
        .reachesPods(
            traffic.from("cluster2/bookinfo", REVIEWS, 9080).withHeader("end-user", "jason"),
            "cluster1/bookinfo/reviews-v1-0")
        .reachesPods(
            traffic.from("cluster1/bookinfo", REVIEWS, 9080).withHeader("end-user", "jason"),
            "cluster1/bookinfo/reviews-v1-0")
        .splits("cluster2/bookinfo", REVIEWS, 9080, HALF_EACH, TOLERANCE)
        .delays(traffic.from("cluster1/bookinfo", RATINGS, 9080), "7s", 100)
        .changesHeaders(
            traffic.from("cluster1/bookinfo", RATINGS, 9080),
            Map.of("x-tenant", "bookinfo"),
            List.of("server"))
        .mirrors(
            traffic.from("cluster2/bookinfo", REVIEWS, 9080), 10, "cluster1/bookinfo/reviews-v2-0")
        .check();
    assertThat(
            status(
                "meshfed.dev/v1alpha1",
                "FaultInjectionPolicy",
                "ratings-delay",
                s -> s.containsKey("selectedRoutes")))
        .containsEntry("state", "ACCEPTED")
        .containsEntry("selectedRoutes", 1);
    assertThat(
            status(
                "meshfed.dev/v1alpha1",
                "RouteTable",
                "reviews",
                s -> Integer.valueOf(2).equals(s.get("appliedPolicies"))))
        .containsEntry("state", "ACCEPTED");
  }

  @Test
  @Order(3)
  void theSameInGlooMeshsOwnApiVersionsGivesTheSameIstioConfig() throws Exception {
    run.runAndCompare("03-gloo-dialect");

    SameIstioConfig.assertSame(
        run.expected("03-gloo-dialect"), run.expected("02-subset-and-fault"));
    Traffic traffic = Traffic.of(run);
    traffic
        .reachesPods(
            traffic.from("cluster2/bookinfo", REVIEWS, 9080).withHeader("end-user", "jason"),
            "cluster1/bookinfo/reviews-v1-0")
        .splits("cluster1/bookinfo", REVIEWS, 9080, HALF_EACH, TOLERANCE)
        .delays(traffic.from("cluster1/bookinfo", RATINGS, 9080), "7s", 100)
        .mirrors(
            traffic.from("cluster1/bookinfo", REVIEWS, 9080), 10, "cluster1/bookinfo/reviews-v2-0")
        .check();
    assertThat(
            meshfedStatus(
                "networking.gloo.solo.io/v2",
                "RouteTable",
                "reviews",
                s -> Integer.valueOf(2).equals(s.get("appliedPolicies"))))
        .containsEntry("state", "ACCEPTED");
  }

  @Test
  @Order(4)
  void anAccessPolicyAdmitsOnlyProductpageToReviewsInEveryCluster() throws Exception {
    run.runAndCompare("04-access-policy");

    Traffic traffic = Traffic.of(run);
    traffic
        .splits(
            traffic.from("cluster1/bookinfo", REVIEWS, 9080).as("bookinfo-productpage"),
            HALF_EACH,
            TOLERANCE)
        .reachesPods(
            traffic
                .from("cluster2/bookinfo", REVIEWS, 9080)
                .as("bookinfo-productpage")
                .withHeader("end-user", "jason"),
            "cluster1/bookinfo/reviews-v1-0")
        .denies(traffic.from("cluster1/bookinfo", REVIEWS, 9080))
        .denies(traffic.from("cluster2/bookinfo", REVIEWS, 9080))
        .denies(
            traffic
                .from("cluster1/bookinfo", REVIEWS, 9080)
                .as("bookinfo-productpage")
                .withMethod("POST"))
        .check();
    assertThat(
            status(
                "meshfed.dev/v1alpha1",
                "AccessPolicy",
                "reviews-from-productpage",
                s -> s.containsKey("selectedDestinations")))
        .containsEntry("state", "ACCEPTED")
        .containsEntry("selectedDestinations", 2);
  }

  @Test
  @Order(5)
  void externalServicesAreReachedOutsideTheMeshFromEveryCluster() throws Exception {
    run.runAndCompare("05-external-services");

    Traffic traffic = Traffic.of(run);
    for (String caller : List.of("cluster1/bookinfo", "cluster2/bookinfo")) {
      traffic
          .leavesMeshWithTls(
              traffic.from(caller, "httpbin.org", 80), "httpbin.org", 443, "httpbin.org")
          .leavesMesh(traffic.from(caller, "payments.example.com", 443), "203.0.113.10", 8443);
    }
    traffic.check();
    assertThat(
            status(
                "meshfed.dev/v1alpha1",
                "ExternalService",
                "httpbin",
                s -> s.containsKey("selectedExternalEndpoints")))
        .containsEntry("state", "ACCEPTED");
    assertThat(
            meshfedStatus(
                "networking.gloo.solo.io/v2",
                "ExternalService",
                "payments",
                s -> Integer.valueOf(1).equals(s.get("selectedExternalEndpoints"))))
        .containsEntry("state", "ACCEPTED");
  }

  @Test
  @Order(6)
  void theSplitSendsCluster1sHalfToItsV2SubsetWithTheServicesOwnPolicies() throws Exception {
    run.runAndCompare("06-service-destinations");

    Traffic traffic = Traffic.of(run);
    // as productpage, which the AccessPolicy of step 4 admits
    for (String caller : List.of("cluster1/bookinfo", "cluster2/bookinfo")) {
      traffic
          .splits(
              traffic.from(caller, REVIEWS, 9080).as("bookinfo-productpage"), HALF_EACH, TOLERANCE)
          .reachesPods(
              traffic.from(caller, REVIEWS, 9080).as("bookinfo-productpage"),
              "cluster1/bookinfo/reviews-v2-0",
              "cluster2/bookinfo/reviews-v3-0");
    }
    traffic
        .reachesPods(
            traffic
                .from("cluster2/bookinfo", REVIEWS, 9080)
                .as("bookinfo-productpage")
                .withHeader("end-user", "jason"),
            "cluster1/bookinfo/reviews-v1-0")
        .check();
    for (String policy : List.of("OutlierDetectionPolicy", "FailoverPolicy")) {
      String name = policy.equals("FailoverPolicy") ? "reviews-failover" : "reviews-outliers";
      assertThat(
              status(
                  "meshfed.dev/v1alpha1",
                  policy,
                  name,
                  s -> Integer.valueOf(2).equals(s.get("selectedDestinations"))))
          .containsEntry("state", "ACCEPTED");
    }
  }

  /** The status distribution wrote to a meshfed input of cluster1's bookinfo, once it holds. */
  private static Map<String, Object> status(
      String apiVersion, String kind, String name, Predicate<Map<String, Object>> until) {
    return await()
        .atMost(STATUS_TIMEOUT)
        .until(() -> statusField(apiVersion, kind, name, false), until::test);
  }

  /** status.meshfed of one of Gloo's inputs: the rest of its status is Gloo's. */
  private static Map<String, Object> meshfedStatus(
      String apiVersion, String kind, String name, Predicate<Map<String, Object>> until) {
    return await()
        .atMost(STATUS_TIMEOUT)
        .until(() -> statusField(apiVersion, kind, name, true), until::test);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> statusField(
      String apiVersion, String kind, String name, boolean glooOwned) {
    GenericKubernetesResource resource =
        run.pipeline()
            .clusters()
            .get("cluster1")
            .client()
            .genericKubernetesResources(apiVersion, kind)
            .inNamespace("bookinfo")
            .withName(name)
            .get();
    Object status = resource == null ? null : resource.getAdditionalProperties().get("status");
    if (glooOwned && status instanceof Map<?, ?> gloo) {
      status = gloo.get("meshfed");
    }
    return status instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }
}
