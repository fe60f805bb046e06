package dev.meshfed.distribution.io;

import dev.meshfed.distribution.apply.DistributionLoop;
import dev.meshfed.distribution.apply.RetrySettings;
import dev.meshfed.distribution.model.PruneGuard;
import dev.meshfed.schema.kafka.TopicSettings;
import dev.meshfed.testbed.KafkaBroker;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An in-JVM Kafka broker for the tests of one class, and the distribution loops they start on it:
 * {@code @RegisterExtension static final TestBroker broker = new TestBroker();}.
 */
final class TestBroker implements BeforeAllCallback, AfterAllCallback {

  /** Retries within half a second, so that what a retry repairs is soon there. */
  static final RetrySettings FAST_RETRY =
      new RetrySettings(Duration.ofMillis(50), Duration.ofMillis(500));

  private KafkaBroker broker;

  @Override
  public void beforeAll(ExtensionContext context) {
    broker = KafkaBroker.startInTemporaryDirectory("distribution-kafka");
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (broker != null) {
      broker.close();
    }
  }

  String bootstrapServers() {
    return broker.bootstrapServers();
  }

  /** The Kafka client configuration of a service reading and writing here. */
  Map<String, Object> kafka() {
    return Map.of("bootstrap.servers", bootstrapServers());
  }

  /** A cluster's distribution loop, started, as the service builds it but retrying fast. */
  DistributionLoop startLoop(String cluster, KubernetesClient client) {
    DistributionLoop loop =
        DistributionFactory.create(
            cluster,
            kafka(),
            TopicSettings.BROKER_DEFAULTS,
            client,
            FAST_RETRY,
            PruneGuard.DEFAULT);
    loop.start();
    return loop;
  }
}
