package dev.meshfed.discovery.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meshfed.discovery.model.AgentRecord;
import dev.meshfed.discovery.model.Keys;
import dev.meshfed.discovery.sync.Backoff;
import dev.meshfed.discovery.sync.RestartingDiscovery;
import dev.meshfed.schema.DiscoveredKinds;
import dev.meshfed.schema.discovery.DiscoveryKey;
import dev.meshfed.schema.kafka.TopicSettings;
import dev.meshfed.testbed.Kubeconfig;
import dev.meshfed.testbed.SimulatedCluster;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** One process serving several simulated clusters, each from its own kubeconfig. */
class MultiClusterDiscoveryIT {

  private static final DiscoveryKey REVIEWS =
      Keys.of(DiscoveredKinds.SERVICE, "bookinfo", "reviews");
  private static final DiscoveryKey RATINGS =
      Keys.of(DiscoveredKinds.SERVICE, "bookinfo", "ratings");
  private static final DiscoveryKey DETAILS =
      Keys.of(DiscoveredKinds.SERVICE, "bookinfo", "details");
  private static final AtomicInteger NAMES = new AtomicInteger();

  @RegisterExtension static final TestBroker broker = new TestBroker();

  @TempDir Path dir;
  private final List<AutoCloseable> toClose = new ArrayList<>();
  private MultiClusterDiscovery discovery;

  @AfterEach
  void stop() throws Exception {
    if (discovery != null) {
      discovery.close();
    }
    for (int i = toClose.size() - 1; i >= 0; i--) {
      toClose.get(i).close();
    }
  }

  @Test
  void publishesEachClusterToItsOwnTopicOnly() throws IOException {
    SimulatedCluster first = cluster();
    SimulatedCluster second = cluster();
    createService(first, "reviews");
    createService(second, "ratings");
    Path kubeconfig = dir.resolve("kubeconfig.yaml");
    Kubeconfig.write(kubeconfig, List.of(first, second));

    // the first by the file's current context, the second by naming its context
    start(
        new ClusterMode.KubeconfigCluster(first.name(), kubeconfig, Optional.empty()),
        new ClusterMode.KubeconfigCluster(second.name(), kubeconfig, Optional.of(second.name())));

    TopicRecorder firstTopic = awaitAgent(first);
    TopicRecorder secondTopic = awaitAgent(second);
    createService(second, "details");
    await().until(() -> !secondTopic.recordsOf(DETAILS).isEmpty());
    assertThat(keys(firstTopic)).containsExactlyInAnyOrder(REVIEWS, AgentRecord.KEY);
    assertThat(keys(secondTopic)).containsExactlyInAnyOrder(RATINGS, AgentRecord.KEY, DETAILS);
  }

  @Test
  void aBrokenKubeconfigHoldsUpNoOtherClusterAndIsRetriedUntilFixed() throws IOException {
    SimulatedCluster healthy = cluster();
    SimulatedCluster misconfigured = cluster();
    createService(healthy, "reviews");
    createService(misconfigured, "ratings");
    Path healthyKubeconfig = dir.resolve("healthy.yaml");
    Kubeconfig.write(healthyKubeconfig, List.of(healthy));
    Path brokenKubeconfig = Files.writeString(dir.resolve("broken.yaml"), "clusters: [{oops");

    start(
        new ClusterMode.KubeconfigCluster(healthy.name(), healthyKubeconfig, Optional.empty()),
        new ClusterMode.KubeconfigCluster(
            misconfigured.name(), brokenKubeconfig, Optional.empty()));

    TopicRecorder healthyTopic = awaitAgent(healthy);
    assertThat(keys(healthyTopic)).containsExactlyInAnyOrder(REVIEWS, AgentRecord.KEY);
    assertThat(started(misconfigured)).isFalse();

    Kubeconfig.write(brokenKubeconfig, List.of(misconfigured));

    TopicRecorder fixedTopic = awaitAgent(misconfigured);
    assertThat(keys(fixedTopic)).containsExactlyInAnyOrder(RATINGS, AgentRecord.KEY);
  }

  @Test
  void anUnreachableApiServerHoldsUpNoOtherCluster() throws IOException {
    SimulatedCluster healthy = cluster();
    createService(healthy, "reviews");
    SimulatedCluster gone = SimulatedCluster.start("multi-" + NAMES.incrementAndGet());
    Path kubeconfig = dir.resolve("kubeconfig.yaml");
    Kubeconfig.write(kubeconfig, List.of(healthy, gone));
    gone.close();

    start(
        new ClusterMode.KubeconfigCluster(gone.name(), kubeconfig, Optional.of(gone.name())),
        new ClusterMode.KubeconfigCluster(healthy.name(), kubeconfig, Optional.empty()));

    TopicRecorder healthyTopic = awaitAgent(healthy);
    assertThat(keys(healthyTopic)).containsExactlyInAnyOrder(REVIEWS, AgentRecord.KEY);
    assertThat(started(gone)).isFalse();
  }

  private void start(ClusterMode.KubeconfigCluster... clusters) {
    var shared =
        new DiscoverySettings(
            null,
            Map.of("bootstrap.servers", broker.bootstrapServers()),
            TopicSettings.BROKER_DEFAULTS,
            "it",
            Duration.ofSeconds(30),
            Duration.ofSeconds(5),
            Duration.ofMillis(100),
            Duration.ofSeconds(2));
    discovery =
        MultiClusterDiscovery.create(
            shared, List.of(clusters), new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1)));
    discovery.start();
  }

  private SimulatedCluster cluster() {
    SimulatedCluster cluster = SimulatedCluster.start("multi-" + NAMES.incrementAndGet());
    toClose.add(cluster);
    return cluster;
  }

  private boolean started(SimulatedCluster cluster) {
    return runner(cluster).started().toCompletableFuture().isDone();
  }

  private RestartingDiscovery runner(SimulatedCluster cluster) {
    return discovery.clusters().stream()
        .filter(runner -> runner.cluster().equals(cluster.name()))
        .findFirst()
        .orElseThrow();
  }

  /** Waits for the cluster's Agent record: its topic is complete up to it. */
  private TopicRecorder awaitAgent(SimulatedCluster cluster) {
    await().until(() -> started(cluster));
    TopicRecorder topic = TopicRecorder.of(broker, cluster.name());
    toClose.add(topic);
    await().until(() -> !topic.recordsOf(AgentRecord.KEY).isEmpty());
    return topic;
  }

  /** The keys published, but for the system namespaces every cluster has. */
  private static List<DiscoveryKey> keys(TopicRecorder topic) {
    return topic.records().stream()
        .map(ConsumerRecord::key)
        .filter(
            key ->
                !(key.getKind().equals(DiscoveredKinds.NAMESPACE)
                    && SimulatedCluster.SYSTEM_NAMESPACES.contains(key.getName())))
        .toList();
  }

  private static void createService(SimulatedCluster cluster, String name) {
    cluster
        .client()
        .resource(
            new ServiceBuilder()
                .withNewMetadata()
                .withNamespace("bookinfo")
                .withName(name)
                .endMetadata()
                .withNewSpec()
                .addNewPort()
                .withName("http")
                .withPort(9080)
                .endPort()
                .endSpec()
                .build())
        .create();
  }
}
