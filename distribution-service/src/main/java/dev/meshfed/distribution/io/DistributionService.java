package dev.meshfed.distribution.io;

import dev.meshfed.distribution.apply.RetrySettings;
import dev.meshfed.distribution.model.DistributionStatus;
import dev.meshfed.distribution.model.PruneGuard;
import dev.meshfed.schema.kafka.TopicSettings;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/**
 * The Quarkus application: a distribution loop for each configured cluster. In production that is
 * one, through the application's Kubernetes client; several (multi-cluster mode) each have a
 * kubeconfig of their own.
 */
@ApplicationScoped
public class DistributionService {

  @Inject DistributionConfig config;

  /** Every {@code kafka.*} property, prefix removed: Quarkus' Kafka client configuration. */
  @Inject
  @Identifier("default-kafka-broker")
  Map<String, Object> kafkaConfig;

  /** Only looked up in single-cluster mode. */
  @Inject Instance<KubernetesClient> client;

  private Distributions distributions;

  void onStart(@Observes StartupEvent event) {
    distributions =
        Distributions.start(
            ServedClusters.of(config),
            client::get,
            kafkaConfig,
            new TopicSettings(
                config.topics().replicationFactor(), config.topics().minInsyncReplicas()),
            new RetrySettings(
                config.distribution().retry().initialDelay(),
                config.distribution().retry().maxDelay()),
            new PruneGuard(config.distribution().pruneLimitPercent()));
  }

  void onStop(@Observes ShutdownEvent event) {
    if (distributions != null) {
      distributions.close();
    }
  }

  /** The served clusters whose loop stopped for good. */
  public List<String> stalled() {
    return distributions == null ? List.of() : distributions.stalled();
  }

  /** Each served cluster's status, by name; empty until started. */
  public Map<String, DistributionStatus> status() {
    return distributions == null ? Map.of() : distributions.status();
  }
}
