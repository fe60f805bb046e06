package dev.meshfed.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meshfed.cli.events.EventView;
import dev.meshfed.lab.demo.ServiceProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The bookinfo scenario through all three services, each a separate process: create, change a port,
 * delete a service, restart a distributor (nothing deleted or re-created), delete a service while
 * discovery is down (its outputs still vanish).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BookinfoLifecycleIT {

  /** The workspace's namespaces: every federated host's consumers. */
  private static final String[] BOOKINFO = {"cluster1/bookinfo", "cluster2/bookinfo"};

  private static final String PRODUCTPAGE = "cluster1/bookinfo/productpage";
  private static final String DETAILS = "cluster1/bookinfo/details";
  private static final String REVIEWS_1 = "cluster1/bookinfo/reviews";
  private static final String REVIEWS_2 = "cluster2/bookinfo/reviews";
  private static final String RATINGS = "cluster2/bookinfo/ratings";

  @RegisterExtension static final ScenarioRun run = new ScenarioRun("bookinfo-lifecycle");

  @Test
  @Order(1)
  void createFederatesEveryServiceIntoTheOtherCluster() throws Exception {
    run.runAndCompare("01-create");

    assertThat(run.hosts("cluster2"))
        .contains(
            "productpage.bookinfo.svc.cluster1.global",
            "details.bookinfo.svc.cluster1.global",
            "reviews.bookinfo.svc.cluster1.global");
    assertThat(run.hosts("cluster1"))
        .contains("reviews.bookinfo.svc.cluster2.global", "ratings.bookinfo.svc.cluster2.global");
    Traffic.of(run)
        .federated("productpage.bookinfo.svc.cluster1.global", 9080, PRODUCTPAGE, BOOKINFO)
        .federated("details.bookinfo.svc.cluster1.global", 9080, DETAILS, BOOKINFO)
        .federated("reviews.bookinfo.svc.cluster1.global", 9080, REVIEWS_1, BOOKINFO)
        .federated("reviews.bookinfo.svc.cluster2.global", 9080, REVIEWS_2, BOOKINFO)
        .federated("ratings.bookinfo.svc.cluster2.global", 9080, RATINGS, BOOKINFO)
        .check();
  }

  @Test
  @Order(2)
  void aPortChangeReachesEveryCluster() throws Exception {
    run.runAndCompare("02-port-change");

    assertThat(run.serviceEntry("cluster2", "reviews-bookinfo-svc-cluster1-global").toString())
        .contains("number=9090");
    Traffic.of(run)
        .federated("reviews.bookinfo.svc.cluster1.global", 9090, REVIEWS_1, BOOKINFO)
        .nowhere("reviews.bookinfo.svc.cluster1.global", 9080)
        .federated("reviews.bookinfo.svc.cluster2.global", 9080, REVIEWS_2, BOOKINFO)
        .check();
  }

  @Test
  @Order(3)
  void aDeletedServiceVanishesFromEveryCluster() throws Exception {
    run.runAndCompare("03-delete-service");

    assertThat(run.hosts("cluster1")).doesNotContain("ratings.bookinfo.svc.cluster2.global");
    assertThat(run.hosts("cluster2")).doesNotContain("ratings.bookinfo.svc.cluster2.global");
    Traffic.of(run)
        .nowhere("ratings.bookinfo.svc.cluster2.global", 9080)
        .federated("productpage.bookinfo.svc.cluster1.global", 9080, PRODUCTPAGE, BOOKINFO)
        .check();
  }

  @Test
  @Order(4)
  void restartingADistributorDeletesAndRecreatesNothing() throws Exception {
    Map<String, String> before = identities();
    ServiceProcess distributor = run.pipeline().process("distribution-service", "cluster2");
    long caughtUpBefore = caughtUpLines(distributor);

    run.pipeline().stop(distributor);
    run.pipeline().start(distributor);
    await()
        .atMost(ScenarioRun.STEP_TIMEOUT)
        .until(() -> caughtUpLines(distributor) > caughtUpBefore);
    run.pipeline().awaitConvergence(ScenarioRun.STEP_TIMEOUT, pending -> {});

    assertThat(identities()).isEqualTo(before);
  }

  @Test
  @Order(5)
  void aServiceDeletedWhileDiscoveryWasDownVanishesAfterItsRestart() throws Exception {
    ServiceProcess discovery = run.pipeline().process("discovery-service", "cluster1");
    run.pipeline().stop(discovery);
    run.pipeline().apply(run.step("04-delete-while-discovery-down"));
    run.pipeline().start(discovery);

    run.runAndCompare("04-delete-while-discovery-down");

    assertThat(run.hosts("cluster2")).doesNotContain("details.bookinfo.svc.cluster1.global");
    assertThat(run.hosts("cluster1")).doesNotContain("details.bookinfo.svc.cluster1.global");
    Traffic.of(run)
        .nowhere("details.bookinfo.svc.cluster1.global", 9080)
        .federated("reviews.bookinfo.svc.cluster1.global", 9090, REVIEWS_1, BOOKINFO)
        .federated("reviews.bookinfo.svc.cluster2.global", 9080, REVIEWS_2, BOOKINFO)
        .check();
  }

  @Test
  @Order(6)
  void replayAtEachStepRebuildsThatStepsConfigFromTheTopicsAlone() throws Exception {
    assertThat(run.convergedAt()).hasSize(4);
    for (Map.Entry<String, Instant> step : run.convergedAt().entrySet()) {
      Path replayed = Path.of("target/e2e/replays").resolve(step.getKey());

      ReplayRun replay = replay("--at", step.getValue().toString(), "-o", replayed.toString());

      assertThat(replay.exitCode()).as(replay.err()).isZero();
      DumpComparison.assertSameTreeWithoutUpdating(replayed, run.expected(step.getKey()));
    }
  }

  @Test
  @Order(7)
  void eachHostsEventsFollowItsLifecycleInOrderAndEndWhereTheClustersAre() {
    HostLifecycle lifecycle = new HostLifecycle();
    List<String> joined = new ArrayList<>();
    for (EventView event : run.events()) {
      lifecycle.accept(event);
      if (event.type().equals("ClusterJoined")) {
        joined.add(event.targetCluster().orElseThrow());
      }
    }

    assertThat(lifecycle.violations()).isEmpty();
    for (String cluster : run.pipeline().clusters().keySet()) {
      assertThat(lifecycle.federatedInto(cluster))
          .as("hosts the events leave federated into " + cluster)
          .isEqualTo(new TreeSet<>(run.hosts(cluster)));
    }
    assertThat(joined).containsExactlyInAnyOrderElementsOf(run.pipeline().clusters().keySet());
  }

  @Test
  @Order(8)
  void atEachStepWhatWasPublishedIsWhatTheRecordedInputsImply() {
    for (Map.Entry<String, Instant> step : run.convergedAt().entrySet()) {
      ReplayRun audit = replay("--at", step.getValue().toString(), "--recompute");

      assertThat(audit.exitCode()).as(audit.out() + audit.err()).isZero();
      assertThat(audit.out().lines().filter(l -> l.startsWith("cluster ")))
          .as(audit.out())
          .hasSize(run.pipeline().clusters().size())
          .allSatisfy(l -> assertThat(l).contains(": consistent: "));
      assertThat(audit.out()).doesNotContain("note: ");
    }
  }

  private static ReplayRun replay(String... args) {
    return ReplayRun.of(run.pipeline().bootstrapServers(), args);
  }

  /** uid and resourceVersion of every managed object: both change on delete+create or update. */
  private static Map<String, String> identities() {
    return LiveIdentities.versions(run.pipeline());
  }

  private static long caughtUpLines(ServiceProcess process) throws IOException {
    if (!Files.exists(process.log())) {
      return 0;
    }
    try (Stream<String> lines = Files.lines(process.log())) {
      return lines.filter(l -> l.toLowerCase(Locale.ROOT).contains("caught up")).count();
    }
  }
}
