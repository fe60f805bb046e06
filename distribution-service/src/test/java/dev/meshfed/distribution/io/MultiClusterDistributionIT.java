package dev.meshfed.distribution.io;

import static dev.meshfed.distribution.io.IstioObjects.NETWORKING_V1;
import static dev.meshfed.distribution.io.IstioObjects.hosts;
import static dev.meshfed.distribution.io.IstioObjects.serviceEntry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.meshfed.distribution.apply.RetrySettings;
import dev.meshfed.distribution.model.DistributionStatus;
import dev.meshfed.distribution.model.PruneGuard;
import dev.meshfed.schema.events.ApplyFailed;
import dev.meshfed.schema.events.ClusterConverged;
import dev.meshfed.schema.kafka.TopicSettings;
import dev.meshfed.testbed.KafkaBroker;
import dev.meshfed.testbed.Kubeconfig;
import dev.meshfed.testbed.SimulatedCluster;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One distribution-service instance in multi-cluster mode, configured by properties as the
 * application reads them, serving two simulated clusters through one kubeconfig file.
 */
class MultiClusterDistributionIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final AtomicInteger RUNS = new AtomicInteger();

  @TempDir static Path kafkaLogs;
  private static KafkaBroker broker;

  @TempDir Path dir;
  private String eastName;
  private String westName;
  private SimulatedCluster east;
  private SimulatedCluster west;
  private Path kubeconfig;
  private Distributions distributions;
  private final List<AutoCloseable> closeables = new ArrayList<>();

  @BeforeAll
  static void startBroker() {
    broker = KafkaBroker.start(kafkaLogs);
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @BeforeEach
  void startClusters() throws Exception {
    int run = RUNS.incrementAndGet();
    eastName = "east" + run;
    westName = "west" + run;
    east = SimulatedCluster.start(eastName);
    west = SimulatedCluster.start(westName);
    kubeconfig = dir.resolve("kubeconfig.yaml");
    // east is the file's current context; west is named
    Kubeconfig.write(kubeconfig, List.of(east, west));
  }

  @AfterEach
  void stopAll() throws Exception {
    if (distributions != null) {
      distributions.close();
    }
    for (AutoCloseable closeable : closeables) {
      closeable.close();
    }
    east.close();
    west.close();
  }

  @Test
  void eachClustersDesiredObjectsLandInThatClusterOnly() throws Exception {
    DesiredTopicWriter eastTopic = desiredTopic(eastName);
    DesiredTopicWriter westTopic = desiredTopic(westName);
    startDistributions();

    eastTopic.write(
        eastTopic.object(
            NETWORKING_V1,
            "ServiceEntry",
            "foo",
            serviceEntry(NETWORKING_V1, "foo", "east.global")));
    westTopic.write(
        westTopic.object(
            NETWORKING_V1,
            "ServiceEntry",
            "bar",
            serviceEntry(NETWORKING_V1, "bar", "west.global")));

    assertThat(hosts(awaitObject(east, "foo"))).containsExactly("east.global");
    assertThat(hosts(awaitObject(west, "bar"))).containsExactly("west.global");
    ClusterConverged oneObject = new ClusterConverged(1, 1L, 0L, 0L, 0L, 0);
    awaitReported(eastName, oneObject);
    awaitReported(westName, oneObject);
    assertThat(IstioObjects.get(east.client(), NETWORKING_V1, "ServiceEntry", "bar")).isEmpty();
    assertThat(IstioObjects.get(west.client(), NETWORKING_V1, "ServiceEntry", "foo")).isEmpty();
    assertThat(distributions.status())
        .containsOnlyKeys(eastName, westName)
        .allSatisfy((cluster, status) -> assertThat(status.applied()).isEqualTo(1));
  }

  @Test
  void aClusterWhoseApiServerIsDownHoldsUpNoOther() throws Exception {
    east.close();
    DesiredTopicWriter eastTopic = desiredTopic(eastName);
    DesiredTopicWriter westTopic = desiredTopic(westName);
    eastTopic.write(
        eastTopic.object(
            NETWORKING_V1,
            "ServiceEntry",
            "foo",
            serviceEntry(NETWORKING_V1, "foo", "east.global")));
    westTopic.write(
        westTopic.object(
            NETWORKING_V1,
            "ServiceEntry",
            "bar",
            serviceEntry(NETWORKING_V1, "bar", "west.global")));
    startDistributions();

    awaitObject(west, "bar");
    westTopic.write(
        westTopic.object(
            NETWORKING_V1,
            "ServiceEntry",
            "baz",
            serviceEntry(NETWORKING_V1, "baz", "west.global")));
    awaitObject(west, "baz");

    await().atMost(TIMEOUT).until(() -> distributions.status().get(westName).caughtUp());
    DistributionStatus eastStatus = distributions.status().get(eastName);
    assertThat(eastStatus.caughtUp()).isFalse();
    assertThat(eastStatus.retrying()).isPositive();
    awaitReportedType(eastName, ApplyFailed.class);
    assertTimeoutPreemptively(Duration.ofSeconds(30), distributions::close);
  }

  @Test
  void apiErrorsAreTheServicesToRetryInEachCluster() throws Exception {
    east.faults().failNextWrites(1_000, 500);
    DesiredTopicWriter eastTopic = desiredTopic(eastName);
    DesiredTopicWriter westTopic = desiredTopic(westName);
    eastTopic.write(
        eastTopic.object(
            NETWORKING_V1,
            "ServiceEntry",
            "foo",
            serviceEntry(NETWORKING_V1, "foo", "east.global")));
    westTopic.write(
        westTopic.object(
            NETWORKING_V1,
            "ServiceEntry",
            "bar",
            serviceEntry(NETWORKING_V1, "bar", "west.global")));
    startDistributions();

    awaitObject(west, "bar");
    // the service saw the first 500 itself: the kubeconfig's client did not retry it on its own
    ApplyFailed failed = awaitReportedType(eastName, ApplyFailed.class);
    assertThat(failed.getAttempts()).isEqualTo(1);

    east.faults().failNextWrites(0, 500);
    awaitObject(east, "foo");
  }

  @Test
  void aKubeconfigWithoutTheContextStopsTheStart() {
    Map<String, String> properties = properties();
    properties.put("meshfed.clusters." + westName + ".context", "nowhere");

    assertThatThrownBy(() -> start(properties))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Cluster " + westName + ": Kubeconfig " + kubeconfig)
        .hasMessageEndingWith("(context nowhere): no such context in the file");
  }

  private void startDistributions() {
    distributions = start(properties());
  }

  private Map<String, String> properties() {
    Map<String, String> properties = new HashMap<>();
    properties.put("meshfed.clusters." + eastName + ".kubeconfig", kubeconfig.toString());
    properties.put("meshfed.clusters." + westName + ".kubeconfig", kubeconfig.toString());
    properties.put("meshfed.clusters." + westName + ".context", westName);
    properties.put("meshfed.distribution.retry.initial-delay", "50ms");
    properties.put("meshfed.distribution.retry.max-delay", "500ms");
    return properties;
  }

  /** As DistributionService starts them, with the configuration read from {@code properties}. */
  private static Distributions start(Map<String, String> properties) {
    DistributionConfig config = ServedClustersTest.config(properties);
    return Distributions.start(
        ServedClusters.of(config),
        MultiClusterDistributionIT::noApplicationClient,
        Map.of("bootstrap.servers", broker.bootstrapServers()),
        new TopicSettings(config.topics().replicationFactor(), config.topics().minInsyncReplicas()),
        new RetrySettings(
            config.distribution().retry().initialDelay(), config.distribution().retry().maxDelay()),
        new PruneGuard(config.distribution().pruneLimitPercent()));
  }

  private static KubernetesClient noApplicationClient() {
    throw new AssertionError("the multi-cluster mode uses no application client");
  }

  private DesiredTopicWriter desiredTopic(String cluster) throws Exception {
    DesiredTopicWriter.createTopic(broker.bootstrapServers(), cluster);
    DesiredTopicWriter writer = new DesiredTopicWriter(broker.bootstrapServers(), cluster);
    closeables.add(writer);
    return writer;
  }

  private void awaitReported(String cluster, Object event) {
    AppliedTopicReader applied = appliedTopic(cluster);
    await()
        .pollInSameThread()
        .atMost(TIMEOUT)
        .until(applied::events, events -> events.contains(event));
  }

  private <T> T awaitReportedType(String cluster, Class<T> type) {
    AppliedTopicReader applied = appliedTopic(cluster);
    return type.cast(
        await()
            .pollInSameThread()
            .atMost(TIMEOUT)
            .until(applied::events, events -> events.stream().anyMatch(type::isInstance))
            .stream()
            .filter(type::isInstance)
            .findFirst()
            .orElseThrow());
  }

  private AppliedTopicReader appliedTopic(String cluster) {
    AppliedTopicReader reader = new AppliedTopicReader(broker.bootstrapServers(), cluster);
    closeables.add(reader);
    return reader;
  }

  private static GenericKubernetesResource awaitObject(SimulatedCluster cluster, String name) {
    return await()
        .atMost(TIMEOUT)
        .until(
            () -> IstioObjects.get(cluster.client(), NETWORKING_V1, "ServiceEntry", name),
            found -> found.isPresent())
        .orElseThrow();
  }
}
