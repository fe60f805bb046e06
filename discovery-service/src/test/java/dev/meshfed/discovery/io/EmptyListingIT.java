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
import dev.meshfed.schema.discovery.DiscoveryKey;
import dev.meshfed.testbed.SimulatedCluster;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

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

  @RegisterExtension static final TestBroker broker = new TestBroker();

  private SimulatedCluster cluster;
  private TopicRecorder topic;
  private RestartingDiscovery discovery;

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
    Bookinfo.createNamespace(kube, Map.of());
    Bookinfo.createService(kube, "reviews");
    Bookinfo.createService(kube, "ratings");
    topic = TopicRecorder.of(broker, cluster.name());
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
        .until(() -> !discovery.synced() && topic.from(restartOffset).isEmpty());

    cluster.faults().answerEmptyLists(false);

    await().atMost(Duration.ofSeconds(20)).until(discovery::synced);
    await()
        .until(
            () ->
                topic.from(restartOffset).stream().anyMatch(r -> r.key().equals(AgentRecord.KEY)));
    assertThat(topic.from(restartOffset))
        .extracting(ConsumerRecord::key, record -> record.value() == null)
        .containsExactly(tuple(RATINGS, true), tuple(AgentRecord.KEY, false));
    assertThat(topic.latest(REVIEWS)).hasValueSatisfying(r -> assertThat(r.value()).isNotNull());
  }

  private RestartingDiscovery start(KubernetesClient kube) {
    DiscoverySettings settings = broker.discovery(cluster.name(), NamespaceSelection.EVERYTHING);
    RestartingDiscovery restarting =
        new RestartingDiscovery(
            cluster.name(),
            () -> Discovery.create(settings, kube),
            new Backoff(Duration.ofMillis(200), Duration.ofSeconds(1)));
    restarting.start();
    return restarting;
  }
}
