package dev.meshfed.discovery.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaPropertiesTest {

  private static final Map<String, Object> SERVICE =
      Map.of(
          "bootstrap.servers", "kafka:9093",
          "security.protocol", "SASL_SSL",
          "sasl.mechanism", "SCRAM-SHA-512");

  @Test
  void everyClientGetsTheServicesTlsAndSaslSettings() {
    assertThat(KafkaProperties.producer(SERVICE, "meshfed-discovery-c1"))
        .containsAllEntriesOf(SERVICE)
        .containsEntry("acks", "all")
        .containsEntry("client.id", "meshfed-discovery-c1");
    assertThat(KafkaProperties.snapshotConsumer(SERVICE, "meshfed-discovery-c1"))
        .containsAllEntriesOf(SERVICE)
        .containsEntry("isolation.level", "read_committed");
    assertThat(KafkaProperties.admin(SERVICE, "meshfed-discovery-c1"))
        .containsAllEntriesOf(SERVICE)
        .containsEntry("client.id", "meshfed-discovery-c1-admin");
  }
}
