package dev.meshfed.discovery.io;

import dev.meshfed.discovery.sync.DiscoveryService;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Runs the discovery-service for the lifetime of the Quarkus application. */
@ApplicationScoped
public class DiscoveryApp {

  private static final Logger LOG = Logger.getLogger(DiscoveryApp.class);

  private final KubernetesClient client;
  private final DiscoveryConfig config;
  private final String bootstrapServers;
  private final String version;
  private DiscoveryService service;

  public DiscoveryApp(
      KubernetesClient client,
      DiscoveryConfig config,
      @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
      @ConfigProperty(name = "quarkus.application.version", defaultValue = "dev") String version) {
    this.client = client;
    this.config = config;
    this.bootstrapServers = bootstrapServers;
    this.version = version;
  }

  void start(@Observes StartupEvent event) {
    service = Discovery.create(settings(), client);
    LOG.infof(
        "Discovering cluster %s (API server %s) into Kafka %s",
        config.cluster(), client.getMasterUrl(), bootstrapServers);
    try {
      service.start();
    } catch (RuntimeException e) {
      service.close();
      throw e;
    }
  }

  void stop(@Observes ShutdownEvent event) {
    if (service != null) {
      service.close();
    }
  }

  private DiscoverySettings settings() {
    return new DiscoverySettings(
        config.cluster(),
        bootstrapServers,
        config.topics().replicationFactor(),
        version,
        config.kafkaTimeout(),
        config.syncTimeout(),
        config.publish().retryInitialDelay(),
        config.publish().retryMaxDelay());
  }
}
