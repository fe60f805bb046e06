package dev.meshfed.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meshfed.cli.MeshfedHome;
import dev.meshfed.lab.bench.BenchMesh;
import dev.meshfed.lab.bench.BenchSize;
import dev.meshfed.lab.demo.DemoPipeline;
import dev.meshfed.lab.demo.KafkaSecurity;
import dev.meshfed.lab.demo.ServiceJvm;
import dev.meshfed.lab.demo.ServiceLayout;
import dev.meshfed.lab.demo.ServiceProcess;
import dev.meshfed.testbed.FaultInjector;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.GroupState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fault matrix: 3 clusters × 50 services under a seeded stream of Service creates, port changes
 * and deletes, while, in turn, a service is killed ({@code kill -9}) and restarted, Services are
 * deleted while a cluster's discovery is down, each API server answers 500, 409 or 429 for a while,
 * and one stalls past its clients' request timeout. After each fault, once converged: every cluster
 * holds exactly the objects its desired topic says (nothing lost, nothing stale), the desired
 * topics are what a fresh recompute of the inputs implies, every host's events are in order and
 * leave federated exactly what the clusters hold, and no object that should have stayed was deleted
 * and re-created. The table goes to {@code target/e2e/fault-matrix.md}; docs/reliability.md shows
 * one run's.
 */
class FaultMatrixIT {

  private static final BenchSize SIZE =
      new BenchSize(3, Integer.getInteger("faults.services", 50), 2);

  /** How many of the faults to run, in order: fewer while working on one. */
  private static final int FAULTS = Integer.getInteger("faults.first", Integer.MAX_VALUE);

  private static final long SEED = Long.getLong("faults.seed", 20_261_204L);
  private static final Duration CONVERGED_WITHIN = Duration.ofMinutes(3);
  private static final Duration API_FAULT = Duration.ofSeconds(4);
  // longer than a fabric8 client's default request timeout (10 s)
  private static final Duration API_STALL = Duration.ofSeconds(15);
  private static final int CHANGES_DURING_FAULT = 15;
  private static final Path WORK = Path.of("target/e2e/fault-matrix");

  /** A crashed translation instance's session times out after 6 s; then the task moves. */
  private static final Duration TAKEOVER_WITHIN = Duration.ofSeconds(60);

  /** How long each takeover of the translation task took, from the kill. */
  private static final List<Duration> TAKEOVERS = new ArrayList<>();

  private static DemoPipeline pipeline;

  /** Services a fault itself deleted ({@code cluster/namespace/name}), until its row is checked. */
  private static final List<String> DELETED_BY_FAULTS = new ArrayList<>();

  private record Fault(String name, FaultAction inject, FaultAction heal) {}

  @FunctionalInterface
  private interface FaultAction {
    void run() throws Exception;
  }

  private record Row(
      String fault,
      int changes,
      int refused,
      int lost,
      int stale,
      int recreated,
      boolean consistent,
      List<String> eventViolations,
      int routes,
      List<String> misrouted,
      Duration converged) {

    boolean clean() {
      return lost == 0
          && stale == 0
          && recreated == 0
          && consistent
          && eventViolations.isEmpty()
          && routes > 0
          && misrouted.isEmpty();
    }

    String markdown() {
      return "| %s | %d (%d refused) | %d | %d | %d | %s | %s | %s | %.1f s |"
          .formatted(
              fault,
              changes,
              refused,
              lost,
              stale,
              recreated,
              consistent ? "yes" : "**no**",
              eventViolations.isEmpty()
                  ? "in order"
                  : "**" + eventViolations.size() + " out of order**",
              misrouted.isEmpty()
                  ? routes + " of " + routes
                  : "**" + (routes - misrouted.size()) + " of " + routes + "**",
              converged.toMillis() / 1000.0);
    }
  }

  @BeforeAll
  static void startMesh() throws Exception {
    List<String> clusters = new ArrayList<>(SIZE.workloadClusters());
    clusters.add(BenchSize.MANAGEMENT_CLUSTER);
    pipeline =
        DemoPipeline.prepare(
            MeshfedHome.locate(),
            WORK,
            clusters,
            ServiceLayout.PER_CLUSTER,
            ServiceJvm.SMALL,
            KafkaSecurity.NONE);
    pipeline.applyInParallel(BenchMesh.initial(SIZE));
    pipeline.startServices();
    pipeline.awaitConvergence(CONVERGED_WITHIN, pending -> {});
  }

  @AfterAll
  static void stopMesh() {
    if (pipeline != null) {
      pipeline.close();
    }
  }

  @Test
  void nothingIsLostStaleOrRecreatedAfterAnyFault() throws Exception {
    List<String> clusters = SIZE.workloadClusters();
    List<Fault> faults =
        List.of(
            killed("discovery-service", clusters.get(0)),
            killed("translation-service", null),
            activeTranslationKilledWithAStandby(),
            killed("distribution-service", clusters.get(1)),
            deletedWhileDiscoveryDown(clusters.get(2)),
            new Fault("broker restarted", pipeline::restartBroker, () -> {}),
            apiAnswers(500, clusters.get(0)),
            apiAnswers(409, clusters.get(1)),
            apiAnswers(429, clusters.get(2)),
            apiStalls(clusters.get(0)),
            watchesBroken(clusters.get(1)));
    Map<String, KubernetesClient> clients = new LinkedHashMap<>();
    clusters.forEach(c -> clients.put(c, pipeline.clusters().get(c).client()));
    List<Row> rows = new ArrayList<>();
    try (ChangeStream stream = new ChangeStream(SEED, SIZE, clients)) {
      for (Fault fault : faults.subList(0, Math.min(FAULTS, faults.size()))) {
        rows.add(run(fault, stream));
      }
    }
    String table = table(rows);
    Files.createDirectories(WORK);
    Files.writeString(WORK.resolve("../fault-matrix.md").normalize(), table);
    System.out.println(table);

    assertThat(rows).as(table).allMatch(Row::clean);
  }

  private Row run(Fault fault, ChangeStream stream) throws Exception {
    Map<String, String> uidsBefore = uids();
    int madeBefore = stream.made();
    int refusedBefore = stream.refused();
    int deletedBefore = stream.deleted().size();
    stream.start();
    fault.inject().run();
    awaitChanges(stream, madeBefore + CHANGES_DURING_FAULT);
    fault.heal().run();
    long healed = System.nanoTime();
    awaitChanges(stream, stream.made() + 5);
    stream.stop();
    pipeline.awaitConvergence(CONVERGED_WITHIN, pending -> {});
    Duration converged = Duration.ofNanos(System.nanoTime() - healed);

    String step = fault.name().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    Path live = WORK.resolve("dumps").resolve(step).resolve("live");
    Path desired = WORK.resolve("dumps").resolve(step).resolve("desired");
    pipeline.dump(live);
    String now = java.time.Instant.now().toString();
    ReplayRun replayed =
        ReplayRun.of(pipeline.bootstrapServers(), "--at", now, "-o", desired.toString());
    assertThat(replayed.exitCode()).as(replayed.err()).isZero();
    TreeDifference difference = TreeDifference.of(desired, live);
    ReplayRun recomputed = ReplayRun.of(pipeline.bootstrapServers(), "--at", now, "--recompute");
    Traffic traffic = remoteHostsReachTheirPods();
    List<String> byStream = stream.deleted();
    List<String> deleted = new ArrayList<>(byStream.subList(deletedBefore, byStream.size()));
    deleted.addAll(DELETED_BY_FAULTS);
    DELETED_BY_FAULTS.clear();
    for (String service : deleted) {
      String[] parts = service.split("/");
      traffic.nowhere(parts[2] + "." + parts[1] + ".svc." + parts[0] + ".global", 8080);
    }
    return new Row(
        fault.name(),
        stream.made() - madeBefore,
        stream.refused() - refusedBefore,
        difference.missing().size(),
        difference.extra().size() + difference.changed().size(),
        recreated(uidsBefore, uids()),
        recomputed.consistent(pipeline.clusters().size()),
        eventViolations(),
        traffic.checked(),
        traffic.failures(),
        converged);
  }

  private static Traffic remoteHostsReachTheirPods() {
    return RemoteHosts.reachTheirPods(pipeline, SIZE.workloadClusters());
  }

  private static Fault killed(String service, String cluster) {
    ServiceProcess process = pipeline.process(service, cluster);
    String name = "kill -9 " + service + (cluster == null ? "" : " (" + cluster + ")");
    return new Fault(name, () -> pipeline.kill(process), () -> pipeline.start(process));
  }

  /**
   * A second translation-service instance joins (it keeps a standby of the task); then the active
   * one is killed, and the other must take the task over, and commit input the change stream wrote
   * meanwhile, before the killed one is started again. The row's name says how long the takeover
   * took. The second instance runs on through the rows after this one.
   */
  private static Fault activeTranslationKilledWithAStandby() {
    ServiceProcess second = pipeline.addTranslationInstance();
    AtomicReference<ServiceProcess> killed = new AtomicReference<>();
    return new Fault(
        "kill -9 the active translation-service, a second instance running",
        () -> {
          pipeline.start(second);
          // the active instance read from the same description that shows the group stable: a
          // second description may come during the follow-up rebalance, with no task assigned
          killed.set(
              await()
                  .atMost(TAKEOVER_WITHIN)
                  .until(
                      () -> {
                        ConsumerGroupDescription group = pipeline.translationGroup().describe();
                        return group.members().size() == 2
                                && group.groupState() == GroupState.STABLE
                            ? pipeline.translationGroup().active(group)
                            : Optional.<ServiceProcess>empty();
                      },
                      Optional::isPresent)
                  .orElseThrow());
          long start = System.nanoTime();
          pipeline.kill(killed.get());
          await()
              .atMost(TAKEOVER_WITHIN)
              .until(
                  () ->
                      pipeline
                          .translationGroup()
                          .active()
                          .filter(active -> active != killed.get())
                          .isPresent());
          TAKEOVERS.add(Duration.ofNanos(System.nanoTime() - start));
          long committed = pipeline.translationGroup().committed();
          await()
              .atMost(TAKEOVER_WITHIN)
              .alias("the other instance translates the changes made meanwhile")
              .until(() -> pipeline.translationGroup().committed() > committed);
        },
        () -> pipeline.start(killed.get()));
  }

  private static Fault deletedWhileDiscoveryDown(String cluster) {
    ServiceProcess discovery = pipeline.process("discovery-service", cluster);
    KubernetesClient client = pipeline.clusters().get(cluster).client();
    return new Fault(
        "Services deleted while discovery is down (" + cluster + ")",
        () -> {
          pipeline.kill(discovery);
          for (int n = 0; n < 5; n++) {
            client.services().inNamespace(SIZE.namespaceOf(n)).withName("svc-" + n).delete();
            DELETED_BY_FAULTS.add(cluster + "/" + SIZE.namespaceOf(n) + "/svc-" + n);
          }
        },
        () -> pipeline.start(discovery));
  }

  private static Fault apiAnswers(int status, String cluster) {
    return apiFault(
        "API server answers " + status + " for " + API_FAULT.toSeconds() + " s",
        cluster,
        API_FAULT,
        faults -> faults.failWritesFor(API_FAULT, status),
        faults -> !faults.failingWrites());
  }

  private static Fault apiStalls(String cluster) {
    return apiFault(
        "API server stalls for " + API_STALL.toSeconds() + " s, requests time out",
        cluster,
        API_STALL,
        faults -> faults.hangFor(API_STALL),
        faults -> faults.answerDelay().isZero());
  }

  private static Fault watchesBroken(String cluster) {
    return apiFault(
        "watches broken off (410 Gone), reads answer 500 for " + API_FAULT.toSeconds() + " s",
        cluster,
        API_FAULT,
        faults -> faults.breakWatchesAndFailReadsFor(API_FAULT, 500),
        faults -> !faults.failingReads());
  }

  /** A fault of one API server, for {@code lasting}; healed once {@code over} says so. */
  private static Fault apiFault(
      String name,
      String cluster,
      Duration lasting,
      java.util.function.Consumer<FaultInjector> inject,
      java.util.function.Predicate<FaultInjector> over) {
    FaultInjector faults = pipeline.clusters().get(cluster).faults();
    return new Fault(
        name + " (" + cluster + ")",
        () -> inject.accept(faults),
        () -> await().atMost(lasting.plusSeconds(5)).until(() -> over.test(faults)));
  }

  private static void awaitChanges(ChangeStream stream, int made) {
    await().atMost(Duration.ofSeconds(60)).until(() -> stream.made() >= made);
  }

  private static Map<String, String> uids() {
    return LiveIdentities.uids(pipeline);
  }

  /** Objects there before and after with another uid: deleted and re-created meanwhile. */
  private static int recreated(Map<String, String> before, Map<String, String> after) {
    return (int)
        before.entrySet().stream()
            .filter(
                e -> after.containsKey(e.getKey()) && !after.get(e.getKey()).equals(e.getValue()))
            .count();
  }

  private static List<String> eventViolations() {
    return RemoteHosts.eventViolations(pipeline);
  }

  private static String table(List<Row> rows) {
    StringBuilder table =
        new StringBuilder(
            "| fault | changes during it | lost | stale | re-created | desired = recompute |"
                + " host events (order, duplicates) | routes as expected |"
                + " converged after healing |\n"
                + "|---|---|---|---|---|---|---|---|---|\n");
    rows.forEach(row -> table.append(row.markdown()).append('\n'));
    TAKEOVERS.forEach(
        took ->
            table.append(
                "\nThe other translation-service instance took the task over %.1f s after the kill.\n"
                    .formatted(took.toMillis() / 1000.0)));
    rows.stream()
        .filter(row -> !row.misrouted().isEmpty())
        .forEach(
            row ->
                table
                    .append("\nmisrouted after ")
                    .append(row.fault())
                    .append(":\n  ")
                    .append(
                        String.join(
                            "\n  ",
                            row.misrouted().subList(0, Math.min(3, row.misrouted().size()))))
                    .append('\n'));
    return table.toString();
  }
}
