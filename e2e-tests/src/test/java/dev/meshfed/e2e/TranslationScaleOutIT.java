package dev.meshfed.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meshfed.cli.MeshfedHome;
import dev.meshfed.lab.bench.BenchMesh;
import dev.meshfed.lab.bench.BenchSize;
import dev.meshfed.lab.demo.DemoPipeline;
import dev.meshfed.lab.demo.ServiceJvm;
import dev.meshfed.lab.demo.ServiceLayout;
import dev.meshfed.lab.demo.ServiceProcess;
import dev.meshfed.schema.kafka.Topics;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Translation split two ways ({@code meshfed.translation.partitions=2}) between two instances, each
 * computing the units of one partition, under a stream of Service changes; one instance is killed
 * ({@code kill -9}) mid-stream, and the other takes its share over. The outcome is what one
 * instance makes: the desired topics are a fresh full translation of the inputs ({@code replay
 * --recompute}, the function a single instance's output is proven equal to), every cluster holds
 * exactly them, and every remote host reaches its Service's pods through the mesh oracle.
 */
class TranslationScaleOutIT {

  private static final BenchSize SIZE = new BenchSize(3, 30, 2);
  private static final int PARTITIONS = 2;
  private static final long SEED = 20_261_205L;
  private static final Duration CONVERGED_WITHIN = Duration.ofMinutes(3);
  private static final Duration TAKEOVER_WITHIN = Duration.ofSeconds(60);
  private static final Path WORK = Path.of("target/e2e/translation-scale-out");
  private static final String ROUTED =
      Topics.translationRoutedInputsName(DemoPipeline.TRANSLATION_APP_ID);

  private static DemoPipeline pipeline;

  @BeforeAll
  static void startMesh() throws Exception {
    List<String> clusters = new ArrayList<>(SIZE.workloadClusters());
    clusters.add(BenchSize.MANAGEMENT_CLUSTER);
    pipeline =
        DemoPipeline.prepare(
            MeshfedHome.locate(), WORK, clusters, ServiceLayout.SHARED, ServiceJvm.SMALL);
    pipeline.partitionTranslation(PARTITIONS);
    pipeline.applyInParallel(BenchMesh.initial(SIZE));
    pipeline.startServices();
    pipeline.start(pipeline.addTranslationInstance());
    pipeline.awaitConvergence(CONVERGED_WITHIN, pending -> {});
  }

  @AfterAll
  static void stopMesh() {
    if (pipeline != null) {
      pipeline.close();
    }
  }

  @Test
  void twoInstancesShareTheUnitsAndOneTakesAllOverWhenTheOtherIsKilled() throws Exception {
    Map<String, Set<TopicPartition>> shared = awaitRoutedPartitionsHeldBy(2);
    assertThat(shared.values())
        .as("each instance computes one partition's units: %s", shared)
        .allSatisfy(held -> assertThat(routed(held)).hasSize(1));

    Map<String, KubernetesClient> clients = new LinkedHashMap<>();
    SIZE.workloadClusters().forEach(c -> clients.put(c, pipeline.clusters().get(c).client()));
    ServiceProcess killed;
    try (ChangeStream stream = new ChangeStream(SEED, SIZE, clients)) {
      stream.start();
      awaitChanges(stream, 15);
      // the instance that also routes the inputs: the worst one to lose
      killed = pipeline.processes().get(instanceReadingDiscovered(shared));
      pipeline.kill(killed);
      awaitChanges(stream, stream.made() + 15);
      Map<String, Set<TopicPartition>> after = awaitRoutedPartitionsHeldBy(1);
      assertThat(after).doesNotContainKey(killed.name());
      assertThat(routed(after.values().iterator().next())).hasSize(PARTITIONS);
      awaitChanges(stream, stream.made() + 10);
      stream.stop();
    }
    pipeline.awaitConvergence(CONVERGED_WITHIN, pending -> {});

    String now = Instant.now().toString();
    Path desired = WORK.resolve("desired");
    Path live = WORK.resolve("live");
    pipeline.dump(live);
    ReplayRun replayed =
        ReplayRun.of(pipeline.bootstrapServers(), "--at", now, "-o", desired.toString());
    assertThat(replayed.exitCode()).as(replayed.err()).isZero();
    TreeDifference held = TreeDifference.of(desired, live);
    assertThat(held.missing()).as("desired objects no cluster holds").isEmpty();
    assertThat(held.extra()).as("objects held that are not desired").isEmpty();
    assertThat(held.changed()).as("objects held otherwise than desired").isEmpty();
    ReplayRun recomputed = ReplayRun.of(pipeline.bootstrapServers(), "--at", now, "--recompute");
    assertThat(recomputed.consistent(pipeline.clusters().size()))
        .as("desired topics equal to one full translation of the inputs:%n%s", recomputed.out())
        .isTrue();
    Traffic traffic = RemoteHosts.reachTheirPods(pipeline, SIZE.workloadClusters());
    assertThat(traffic.checked()).isPositive();
    assertThat(traffic.failures()).isEmpty();
    assertThat(RemoteHosts.eventViolations(pipeline)).isEmpty();
  }

  /** Waits until exactly {@code instances} instances hold routed-inputs partitions, all of them. */
  private static Map<String, Set<TopicPartition>> awaitRoutedPartitionsHeldBy(int instances) {
    return await()
        .atMost(TAKEOVER_WITHIN)
        .until(
            () -> pipeline.translationGroup().assignments(),
            assignments ->
                assignments.values().stream().filter(held -> !routed(held).isEmpty()).count()
                        == instances
                    && assignments.values().stream().mapToInt(held -> routed(held).size()).sum()
                        == PARTITIONS);
  }

  private static Set<TopicPartition> routed(Set<TopicPartition> held) {
    return held.stream().filter(p -> p.topic().equals(ROUTED)).collect(Collectors.toSet());
  }

  private static String instanceReadingDiscovered(Map<String, Set<TopicPartition>> assignments) {
    return assignments.entrySet().stream()
        .filter(
            e ->
                e.getValue().stream().anyMatch(p -> p.topic().startsWith(Topics.DISCOVERED_PREFIX)))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElseThrow();
  }

  private static void awaitChanges(ChangeStream stream, int made) {
    await().atMost(Duration.ofSeconds(60)).until(() -> stream.made() >= made);
  }
}
