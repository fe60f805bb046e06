package dev.meshfed.discovery.io;

import java.time.Duration;

/**
 * Everything one discovery-service needs to know, whatever reads it (Quarkus config or a test).
 *
 * @param kafkaTimeout how long to wait for Kafka to create topics or return the topic's records
 * @param syncTimeout how long to wait for the cluster's objects to be listed
 */
public record DiscoverySettings(
    String cluster,
    String bootstrapServers,
    short replicationFactor,
    String discoveryVersion,
    Duration kafkaTimeout,
    Duration syncTimeout,
    Duration retryInitialDelay,
    Duration retryMaxDelay) {

  /** The same settings for another cluster (multi-cluster mode: all but the name are shared). */
  public DiscoverySettings forCluster(String name) {
    return new DiscoverySettings(
        name,
        bootstrapServers,
        replicationFactor,
        discoveryVersion,
        kafkaTimeout,
        syncTimeout,
        retryInitialDelay,
        retryMaxDelay);
  }
}
