package dev.meshfed.discovery.io;

import dev.meshfed.discovery.model.NamespaceSelection;
import dev.meshfed.schema.kafka.TopicSettings;
import dev.meshfed.testbed.KafkaBroker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An in-JVM Kafka broker for the tests of one class, its logs deleted after them:
 * {@code @RegisterExtension static final TestBroker broker = new TestBroker();}.
 */
final class TestBroker implements BeforeAllCallback, AfterAllCallback {

  private Path logs;
  private KafkaBroker broker;

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    logs = Files.createTempDirectory("discovery-kafka");
    broker = KafkaBroker.start(logs);
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    if (broker != null) {
      broker.close();
    }
    try (Stream<Path> files = Files.walk(logs)) {
      files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
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
