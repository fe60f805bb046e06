package dev.meshfed.translation.io;

import dev.meshfed.schema.kafka.TopicProvisioning;
import dev.meshfed.schema.kafka.Topics;
import dev.meshfed.translation.topology.TranslationTopology;
import dev.meshfed.translation.translate.TranslationSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Hands Quarkus the topology, after making sure the topic only this service writes exists. */
@ApplicationScoped
public class TopologyProducer {

  private static final Logger LOG = Logger.getLogger(TopologyProducer.class);

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  @ConfigProperty(name = "meshfed.management-cluster", defaultValue = "mgmt")
  String managementCluster;

  @ConfigProperty(name = "meshfed.default-host-suffix", defaultValue = "global")
  String defaultHostSuffix;

  /** {@code required}: only clusters with a KubernetesCluster belong to the mesh. */
  @ConfigProperty(name = "meshfed.cluster-registration", defaultValue = "optional")
  String clusterRegistration;

  @ConfigProperty(name = "meshfed.topics.replication-factor", defaultValue = "1")
  short replicationFactor;

  @Produces
  public org.apache.kafka.streams.Topology topology() {
    ensureEventsTopic();
    boolean registrationRequired = registrationRequired();
    LOG.infof(
        "Translating with management cluster %s, default host suffix %s, cluster registration %s",
        managementCluster, defaultHostSuffix, registrationRequired ? "required" : "optional");
    return TranslationTopology.build(
        new TranslationSettings(managementCluster, defaultHostSuffix, registrationRequired));
  }

  private boolean registrationRequired() {
    return switch (clusterRegistration) {
      case "required" -> true;
      case "optional" -> false;
      default ->
          throw new IllegalArgumentException(
              "meshfed.cluster-registration must be required or optional, not "
                  + clusterRegistration);
    };
  }

  private void ensureEventsTopic() {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      TopicProvisioning.ensure(
              admin, List.of(Topics.events()), replicationFactor, Duration.ofSeconds(30))
          .forEach(topic -> LOG.infof("Created topic %s", topic));
    }
  }
}
