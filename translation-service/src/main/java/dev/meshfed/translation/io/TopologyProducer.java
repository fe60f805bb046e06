package dev.meshfed.translation.io;

import dev.meshfed.schema.kafka.TopicProvisioning;
import dev.meshfed.schema.kafka.TopicSettings;
import dev.meshfed.schema.kafka.Topics;
import dev.meshfed.translation.topology.TranslationTopology;
import dev.meshfed.translation.translate.ClusterRegistration;
import dev.meshfed.translation.translate.TranslationSettings;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Hands Quarkus the topology, after making sure the topic only this service writes exists. */
@ApplicationScoped
public class TopologyProducer {

  private static final Logger LOG = Logger.getLogger(TopologyProducer.class);

  /**
   * Every {@code kafka.*} property, prefix removed (servers, TLS, SASL): Quarkus gives the same to
   * Kafka Streams.
   */
  @Inject
  @Identifier("default-kafka-broker")
  Map<String, Object> kafkaConfig;

  @ConfigProperty(name = "meshfed.management-cluster", defaultValue = "mgmt")
  String managementCluster;

  @ConfigProperty(name = "meshfed.default-host-suffix", defaultValue = "global")
  String defaultHostSuffix;

  /** {@code auto}, {@code required} or {@code optional}: see {@link ClusterRegistration}. */
  @ConfigProperty(name = "meshfed.cluster-registration", defaultValue = "auto")
  String clusterRegistration;

  /** Unset: the broker's default. */
  @ConfigProperty(name = "meshfed.topics.replication-factor")
  Optional<Short> replicationFactor;

  /** Unset: the broker's default. */
  @ConfigProperty(name = "meshfed.topics.min-insync-replicas")
  Optional<Integer> minInsyncReplicas;

  /** One topology: Quarkus asks for it twice (Kafka Streams and its topology manager). */
  @Produces
  @Singleton
  public org.apache.kafka.streams.Topology topology() {
    ensureEventsTopic();
    ClusterRegistration registration = ClusterRegistration.parse(clusterRegistration);
    LOG.infof(
        "Translating with management cluster %s, default host suffix %s, cluster registration %s",
        managementCluster, defaultHostSuffix, registration.configValue());
    return TranslationTopology.build(
        new TranslationSettings(managementCluster, defaultHostSuffix, registration));
  }

  private void ensureEventsTopic() {
    Map<String, Object> adminConfig = new HashMap<>(kafkaConfig);
    adminConfig.put(AdminClientConfig.CLIENT_ID_CONFIG, "meshfed-translation-admin");
    try (Admin admin = Admin.create(adminConfig)) {
      TopicProvisioning.ensure(
              admin,
              List.of(Topics.events()),
              new TopicSettings(replicationFactor, minInsyncReplicas),
              Duration.ofSeconds(30))
          .forEach(topic -> LOG.infof("Created topic %s", topic));
    }
  }
}
