package dev.meshfed.discovery.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.meshfed.discovery.model.AgentRecord;
import dev.meshfed.discovery.model.Keys;
import dev.meshfed.discovery.model.NamespaceSelection;
import dev.meshfed.discovery.sync.Backoff;
import dev.meshfed.discovery.sync.RestartingDiscovery;
import dev.meshfed.schema.DiscoveredKinds;
import dev.meshfed.schema.discovery.DiscoveredObject;
import dev.meshfed.schema.discovery.DiscoveryKey;
import dev.meshfed.schema.kafka.TopicSettings;
import dev.meshfed.schema.kafka.Topics;
import dev.meshfed.testbed.KafkaBroker;
import dev.meshfed.testbed.SimulatedCluster;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * discovery-service restarting against an API server that answers every list empty, as one
 * answering from a broken cache would: it tombstones nothing, and is not synced, until a listing
 * has the kube-system namespace; then it tombstones exactly what is really gone.
 */
class EmptyListingIT {

  private static final DiscoveryKey REVIEWS =
      Keys.of(DiscoveredKinds.SERVICE, "bookinfo", "reviews");
  private static final DiscoveryKey RATINGS =
      Keys.of(DiscoveredKinds.SERVICE, "bookinfo", "ratings");

  @TempDir static Path kafkaLogs;
  private static KafkaBroker broker;

  private SimulatedCluster cluster;
  private TopicRecorder topic;
  private RestartingDiscovery discovery;

  @BeforeAll
  static void startBroker() {
    broker = KafkaBroker.start(kafkaLogs);
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @AfterEach
  void stop() throws InterruptedException {
    discovery.close();
    topic.close();
    cluster.close();
  }

  @Test
  void anEmptyListingTombstonesNothingUntilTheClusterReallyLists() {
    cluster = SimulatedCluster.start("empty-lists");
    KubernetesClient kube = cluster.client();
    kube.resource(
            new NamespaceBuilder().withNewMetadata().withName("bookinfo").endMetadata().build())
        .create();
    createService(kube, "reviews");
    createService(kube, "ratings");
    topic = new TopicRecorder(broker.bootstrapServers(), Topics.discovered(cluster.name()));
    discovery = start(kube);
    await().until(() -> discovery.synced() && topic.latest(AgentRecord.KEY).isPresent());
    discovery.close();
    long restartOffset = topic.nextOffset();

    cluster.faults().answerEmptyLists(true);
    kube.services().inNamespace("bookinfo").withName("ratings").delete();
    discovery = start(kube);

    await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(10))
        .until(() -> !discovery.synced() && after(restartOffset).isEmpty());

    cluster.faults().answerEmptyLists(false);

    await().atMost(Duration.ofSeconds(20)).until(discovery::synced);
    await()
        .until(() -> after(restartOffset).stream().anyMatch(r -> r.key().equals(AgentRecord.KEY)));
    assertThat(after(restartOffset))
        .extracting(ConsumerRecord::key, record -> record.value() == null)
        .containsExactly(tuple(RATINGS, true), tuple(AgentRecord.KEY, false));
    assertThat(topic.latest(REVIEWS)).hasValueSatisfying(r -> assertThat(r.value()).isNotNull());
  }

  private List<ConsumerRecord<DiscoveryKey, DiscoveredObject>> after(long offset) {
    return topic.records().stream().filter(record -> record.offset() >= offset).toList();
  }

  private RestartingDiscovery start(KubernetesClient kube) {
    DiscoverySettings settings =
        new DiscoverySettings(
            cluster.name(),
            Map.of("bootstrap.servers", broker.bootstrapServers()),
            TopicSettings.BROKER_DEFAULTS,
            "it",
            Duration.ofSeconds(30),
            Duration.ofSeconds(30),
            Duration.ofMillis(100),
            Duration.ofSeconds(1),
            NamespaceSelection.EVERYTHING);
    RestartingDiscovery restarting =
        new RestartingDiscovery(
            cluster.name(),
            () -> Discovery.create(settings, kube),
            new Backoff(Duration.ofMillis(200), Duration.ofSeconds(1)));
    restarting.start();
    return restarting;
  }

  private static void createService(KubernetesClient kube, String name) {
    kube.resource(
            new ServiceBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace("bookinfo")
                .endMetadata()
                .withNewSpec()
                .addToSelector("app", name)
                .addNewPort()
                .withName("http")
                .withPort(9080)
                .endPort()
                .endSpec()
                .build())
        .create();
  }
}
