package dev.meshfed.distribution.io;

import dev.meshfed.distribution.apply.DistributionLoop;
import dev.meshfed.distribution.apply.RetrySettings;
import dev.meshfed.distribution.model.DistributionStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The Quarkus application: one distribution loop for the configured cluster. */
@ApplicationScoped
public class DistributionService {

  @ConfigProperty(name = "meshfed.cluster")
  String cluster;

  @ConfigProperty(name = "meshfed.distribution.replication-factor", defaultValue = "1")
  short replicationFactor;

  @ConfigProperty(name = "meshfed.distribution.retry.initial-delay", defaultValue = "200ms")
  Duration retryInitialDelay;

  @ConfigProperty(name = "meshfed.distribution.retry.max-delay", defaultValue = "30s")
  Duration retryMaxDelay;

  /** Every {@code kafka.*} property, prefix removed: Quarkus' Kafka client configuration. */
  @Inject
  @Identifier("default-kafka-broker")
  Map<String, Object> kafkaConfig;

  @Inject KubernetesClient client;

  private DistributionLoop loop;

  void onStart(@Observes StartupEvent event) {
    loop =
        DistributionFactory.create(
            cluster,
            kafkaConfig,
            replicationFactor,
            client,
            new RetrySettings(retryInitialDelay, retryMaxDelay));
    loop.start();
  }

  void onStop(@Observes ShutdownEvent event) {
    if (loop != null) {
      loop.close();
    }
  }

  public DistributionStatus status() {
    return loop == null ? DistributionStatus.STARTING : loop.status();
  }
}
