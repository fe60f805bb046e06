package dev.meshfed.discovery.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.schema.discovery.DiscoveryKey;

/** What a custom resource read without problems publishes: one record, under its key. */
final class ReadWhole {

  private ReadWhole() {}

  static void assertPublished(
      Mapping mapping, DiscoveryKey key, String apiVersion, Object payload) {
    assertThat(mapping.problems()).isEmpty();
    assertThat(mapping.writes()).hasSize(1);
    assertThat(mapping.writes().get(0).key()).isEqualTo(key);
    assertThat(mapping.writes().get(0).value().getPayload()).isEqualTo(payload);
    assertThat(mapping.writes().get(0).value().getApiVersion()).isEqualTo(apiVersion);
  }
}
