package dev.meshfed.discovery.io;

import dev.meshfed.discovery.model.NamespaceSelection;
import dev.meshfed.schema.kafka.TopicSettings;
import dev.meshfed.testbed.KafkaBroker;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An in-JVM Kafka broker for the tests of one class, its logs deleted after them:
 * {@code @RegisterExtension static final TestBroker broker = new TestBroker();}.
 */
final class TestBroker implements BeforeAllCallback, AfterAllCallback {

  private KafkaBroker broker;

  @Override
  public void beforeAll(ExtensionContext context) {
    broker = KafkaBroker.startInTemporaryDirectory("discovery-kafka");
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

  /** A discovery-service of one cluster publishing here: generous timeouts, quick retries. */
  DiscoverySettings discovery(String cluster, NamespaceSelection namespaces) {
    return new DiscoverySettings(
        cluster,
        Map.of("bootstrap.servers", bootstrapServers()),
        TopicSettings.BROKER_DEFAULTS,
        "it",
        Duration.ofSeconds(30),
        Duration.ofSeconds(30),
        Duration.ofMillis(100),
        Duration.ofSeconds(2),
        namespaces);
  }
}
