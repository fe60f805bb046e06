package dev.meshfed.discovery.io;

import dev.meshfed.discovery.model.NamespaceSelection;
import dev.meshfed.discovery.sync.Backoff;
import dev.meshfed.discovery.sync.DiscoveryService;
import dev.meshfed.schema.kafka.TopicSettings;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Runs the discovery-service for the lifetime of the Quarkus application. */
@ApplicationScoped
public class DiscoveryApp {

  private static final Logger LOG = Logger.getLogger(DiscoveryApp.class);

  // Only looked up in single-cluster mode: multi-cluster mode builds a client per kubeconfig.
  private final Instance<KubernetesClient> quarkusClient;
  private final DiscoveryConfig config;
  private final Map<String, Object> kafka;
  private final String version;
  private Runnable stopDiscovery = () -> {};
  private volatile Supplier<List<ClusterReport>> reports = List::of;

  public DiscoveryApp(
      Instance<KubernetesClient> quarkusClient,
      DiscoveryConfig config,
      @Identifier("default-kafka-broker") Map<String, Object> kafka,
      @ConfigProperty(name = "quarkus.application.version", defaultValue = "dev") String version) {
    this.quarkusClient = quarkusClient;
    this.config = config;
    this.kafka = kafka;
    this.version = version;
  }

  void start(@Observes StartupEvent event) {
    ClusterMode mode = ClusterMode.of(config.cluster(), config.clusters());
    if (mode instanceof ClusterMode.Single single) {
      startSingle(single.cluster());
    } else if (mode instanceof ClusterMode.Multi multi) {
      startMulti(multi);
    }
  }

  /** Returns once the cluster has synced; a failure stops the application. */
  private void startSingle(String cluster) {
    KubernetesClient client = quarkusClient.get();
    DiscoveryService service = Discovery.create(settings(cluster), client);
    stopDiscovery = service::close;
    reports = () -> List.of(new ClusterReport(cluster, false, List.of(), service.publishCounts()));
    LOG.infof(
        "Discovering cluster %s (API server %s) into Kafka %s",
        cluster, client.getMasterUrl(), kafka.get("bootstrap.servers"));
    try {
      service.start();
    } catch (RuntimeException e) {
      service.close();
      throw e;
    }
    reports =
        () ->
            List.of(
                new ClusterReport(
                    cluster, true, service.stoppedSources(), service.publishCounts()));
  }

  /** Returns at once; each cluster syncs, or keeps retrying, on its own. */
  private void startMulti(ClusterMode.Multi mode) {
    MultiClusterDiscovery discovery =
        MultiClusterDiscovery.create(
            settings(null),
            mode.clusters(),
            new Backoff(config.startRetry().initialDelay(), config.startRetry().maxDelay()));
    stopDiscovery = discovery::close;
    reports =
        () ->
            discovery.clusters().stream()
                .map(
                    c ->
                        new ClusterReport(
                            c.cluster(), c.synced(), c.stoppedSources(), c.publishCounts()))
                .toList();
    LOG.infof(
        "Discovering clusters %s into Kafka %s",
        mode.clusters().stream().map(ClusterMode.KubeconfigCluster::name).toList(),
        kafka.get("bootstrap.servers"));
    discovery.start();
  }

  /** Each served cluster's state, for the health checks and metrics; empty before the start. */
  public List<ClusterReport> reports() {
    return reports.get();
  }

  void stop(@Observes ShutdownEvent event) {
    stopDiscovery.run();
  }

  private DiscoverySettings settings(String cluster) {
    return new DiscoverySettings(
        cluster,
        kafka,
        new TopicSettings(config.topics().replicationFactor(), config.topics().minInsyncReplicas()),
        version,
        config.kafkaTimeout(),
        config.syncTimeout(),
        config.publish().retryInitialDelay(),
        config.publish().retryMaxDelay(),
        namespaceSelection(config.discovery().namespaceSelector()));
  }

  /** Throws, naming the setting, when it is no label selector: the service does not start. */
  static NamespaceSelection namespaceSelection(Optional<String> selector) {
    try {
      return NamespaceSelection.of(selector.orElse(null));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "meshfed.discovery.namespace-selector: " + e.getMessage(), e);
    }
  }
}
