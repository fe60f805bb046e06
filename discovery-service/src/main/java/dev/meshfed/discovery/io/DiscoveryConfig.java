package dev.meshfed.discovery.io;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The meshfed.* configuration of a discovery-service. It serves either one cluster ({@code
 * meshfed.cluster}, through the Quarkus Kubernetes client) or several ({@code meshfed.clusters},
 * one kubeconfig each); {@link ClusterMode#of} decides which.
 */
@ConfigMapping(prefix = "meshfed")
public interface DiscoveryConfig {

  /** The name of the one cluster this service watches; its topics carry it. */
  Optional<String> cluster();

  /** The clusters of the multi-cluster mode (bench and demo), by name. */
  Map<String, ClusterConnection> clusters();

  TopicOptions topics();

  PublishOptions publish();

  StartRetryOptions startRetry();

  DiscoveryOptions discovery();

  /** How long to wait for the cluster's objects to be listed at start. */
  @WithDefault("2m")
  Duration syncTimeout();

  /** How long to wait for Kafka to create the topics or to return the topic's records. */
  @WithDefault("1m")
  Duration kafkaTimeout();

  interface ClusterConnection {
    /** A kubeconfig file with this cluster's API server and credentials. */
    String kubeconfig();

    /** The kubeconfig context to use; the file's current context when absent. */
    Optional<String> context();
  }

  /** How missing topics are created; each absent setting is the broker's default. */
  interface TopicOptions {
    Optional<Short> replicationFactor();

    Optional<Integer> minInsyncReplicas();
  }

  interface PublishOptions {
    /** Delay before republishing a record whose send failed; doubles per failure. */
    @WithDefault("200ms")
    Duration retryInitialDelay();

    @WithDefault("30s")
    Duration retryMaxDelay();
  }

  interface DiscoveryOptions {
    /**
     * A label selector on namespaces ({@code istio-discovery=enabled}, {@code env in
     * (prod,staging),!legacy}): only the applications of matching namespaces are published
     * (Namespaces, Services other than east-west gateways, EndpointSlices, Deployments,
     * StatefulSets, DaemonSets); mesh infrastructure and meshfed's own resources always are. Absent
     * or empty: every namespace.
     */
    Optional<String> namespaceSelector();
  }

  /** Multi-cluster mode: when a cluster fails to start, delay before starting it again. */
  interface StartRetryOptions {
    @WithDefault("1s")
    Duration initialDelay();

    @WithDefault("1m")
    Duration maxDelay();
  }
}
