package dev.meshfed.discovery.io;

import dev.meshfed.discovery.model.NamespaceSelection;
import dev.meshfed.discovery.sync.DiscoveryService;
import dev.meshfed.testbed.SimulatedCluster;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A simulated cluster of its own per test, and so a discovered topic of its own; the
 * discovery-services the test starts on it one after another; and the topic read back from its
 * beginning: {@code @RegisterExtension final DiscoveryRun run = new DiscoveryRun(broker, "it");}.
 */
final class DiscoveryRun implements BeforeEachCallback, AfterEachCallback {

  private static final AtomicInteger CLUSTERS = new AtomicInteger();

  private final TestBroker broker;
  private final String prefix;
  private SimulatedCluster cluster;
  private DiscoveryService service;
  private TopicRecorder topic;

  DiscoveryRun(TestBroker broker, String prefix) {
    this.broker = broker;
    this.prefix = prefix;
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    cluster = SimulatedCluster.start(prefix + "-" + CLUSTERS.incrementAndGet());
    service = null;
    topic = null;
  }

  KubernetesClient kube() {
    return cluster.client();
  }

  /** Starts a discovery-service, and the topic's recorder once the first has created the topic. */
  DiscoveryService start(NamespaceSelection namespaces) {
    service = Discovery.create(broker.discovery(cluster.name(), namespaces), cluster.client());
    service.start();
    if (topic == null) {
      topic = TopicRecorder.of(broker, cluster.name());
    }
    return service;
  }

  TopicRecorder topic() {
    return topic;
  }

  /** Stops the latest service, the recorder and the cluster. */
  @Override
  public void afterEach(ExtensionContext context) throws InterruptedException {
    if (service != null) {
      service.close();
    }
    if (topic != null) {
      topic.close();
    }
    cluster.close();
  }
}
