package dev.meshfed.discovery.io;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The meshfed.* configuration of a discovery-service. */
@ConfigMapping(prefix = "meshfed")
public interface DiscoveryConfig {

  /** The name of the cluster this service watches; its topics carry it. */
  String cluster();

  TopicOptions topics();

  PublishOptions publish();

  /** How long to wait for the cluster's objects to be listed at start. */
  @WithDefault("2m")
  Duration syncTimeout();

  /** How long to wait for Kafka to create the topics or to return the topic's records. */
  @WithDefault("1m")
  Duration kafkaTimeout();

  interface TopicOptions {
    @WithDefault("1")
    short replicationFactor();
  }

  interface PublishOptions {
    /** Delay before republishing a record whose send failed; doubles per failure. */
    @WithDefault("200ms")
    Duration retryInitialDelay();

    @WithDefault("30s")
    Duration retryMaxDelay();
  }
}
