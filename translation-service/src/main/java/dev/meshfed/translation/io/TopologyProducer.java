package dev.meshfed.translation.io;

import dev.meshfed.schema.kafka.TopicProvisioning;
import dev.meshfed.schema.kafka.TopicSettings;
import dev.meshfed.schema.kafka.TopicSpec;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Hands Quarkus the topology, after making sure the topics only this service writes exist. */
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

  /**
   * How many ways the units are split, each share a task that any instance can run: 1 keeps one
   * task and no routing hop (docs/design/translation-scale-out.md).
   */
  @ConfigProperty(name = "meshfed.translation.partitions", defaultValue = "1")
  int partitions;

  @ConfigProperty(name = "quarkus.kafka-streams.application-id")
  String applicationId;

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
    if (partitions < 1) {
      throw new IllegalArgumentException(
          "meshfed.translation.partitions must be 1 or more, not " + partitions);
    }
    ensureTopics();
    ClusterRegistration registration = ClusterRegistration.parse(clusterRegistration);
    LOG.infof(
        "Translating with management cluster %s, default host suffix %s, cluster registration %s,"
            + " units in %d partitions",
        managementCluster, defaultHostSuffix, registration.configValue(), partitions);
    return TranslationTopology.build(
        new TranslationSettings(managementCluster, defaultHostSuffix, registration),
        partitions,
        applicationId);
  }

  private void ensureTopics() {
    Map<String, Object> adminConfig = new HashMap<>(kafkaConfig);
    adminConfig.put(AdminClientConfig.CLIENT_ID_CONFIG, "meshfed-translation-admin");
    List<TopicSpec<?, ?>> topics = new ArrayList<>(List.of(Topics.events()));
    if (partitions > 1) {
      topics.add(TranslationTopology.routedInputs(applicationId, partitions));
    }
    try (Admin admin = Admin.create(adminConfig)) {
      TopicProvisioning.ensure(
              admin,
              topics,
              new TopicSettings(replicationFactor, minInsyncReplicas),
              Duration.ofSeconds(30))
          .forEach(topic -> LOG.infof("Created topic %s", topic));
      if (partitions > 1) {
        TopicProvisioning.requirePartitions(
            admin,
            TranslationTopology.routedInputs(applicationId, partitions),
            Duration.ofSeconds(30));
      }
    }
  }
}
