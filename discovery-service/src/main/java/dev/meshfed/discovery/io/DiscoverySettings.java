package dev.meshfed.discovery.io;

import dev.meshfed.discovery.model.NamespaceSelection;
import dev.meshfed.schema.kafka.TopicSettings;
import java.time.Duration;
import java.util.Map;

/**
 * Everything one discovery-service needs to know, whatever reads it (Quarkus config or a test).
 *
 * @param kafka Kafka client configuration (bootstrap.servers, and TLS/SASL settings if any), shared
 *     by discovery's admin, consumer and producer
 * @param topics how to create the cluster's topics when they are missing
 * @param kafkaTimeout how long to wait for Kafka to create topics or return the topic's records
 * @param syncTimeout how long to wait for the cluster's objects to be listed
 * @param namespaces the namespaces whose applications are published
 */
public record DiscoverySettings(
    String cluster,
    Map<String, Object> kafka,
    TopicSettings topics,
    String discoveryVersion,
    Duration kafkaTimeout,
    Duration syncTimeout,
    Duration retryInitialDelay,
    Duration retryMaxDelay,
    NamespaceSelection namespaces) {

  public DiscoverySettings {
    kafka = Map.copyOf(kafka);
  }

  /** Publishing the applications of every namespace. */
  public DiscoverySettings(
      String cluster,
      Map<String, Object> kafka,
      TopicSettings topics,
      String discoveryVersion,
      Duration kafkaTimeout,
      Duration syncTimeout,
      Duration retryInitialDelay,
      Duration retryMaxDelay) {
    this(
        cluster,
        kafka,
        topics,
        discoveryVersion,
        kafkaTimeout,
        syncTimeout,
        retryInitialDelay,
        retryMaxDelay,
        NamespaceSelection.EVERYTHING);
  }

  /** The same settings for another cluster (multi-cluster mode: all but the name are shared). */
  public DiscoverySettings forCluster(String name) {
    return new DiscoverySettings(
        name,
        kafka,
        topics,
        discoveryVersion,
        kafkaTimeout,
        syncTimeout,
        retryInitialDelay,
        retryMaxDelay,
        namespaces);
  }
}
