package dev.meshfed.distribution.io;

import dev.meshfed.distribution.apply.DesiredTopic;
import dev.meshfed.schema.kafka.TopicProvisioning;
import dev.meshfed.schema.kafka.TopicSettings;
import dev.meshfed.schema.kafka.TopicSpec;
import dev.meshfed.schema.kafka.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.jboss.logging.Logger;

/**
 * Creates, when missing, the cluster's desired and status topics, which this service reads, and the
 * applied topic it reports to, with the partitions and configuration their specs give. The
 * discovered topic is left to discovery-service: it exists once the cluster has joined.
 */
public final class KafkaDesiredTopic implements DesiredTopic {

  private static final Logger LOG = Logger.getLogger(KafkaDesiredTopic.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final Map<String, Object> kafkaConfig;
  private final TopicSpec<?, ?> desired;
  private final TopicSpec<?, ?> applied;
  private final TopicSpec<?, ?> applyFailures;
  private final TopicSpec<?, ?> status;
  private final TopicSettings settings;

  public KafkaDesiredTopic(
      Map<String, Object> kafkaConfig, String cluster, TopicSettings settings) {
    this.kafkaConfig = Map.copyOf(kafkaConfig);
    this.desired = Topics.desired(cluster);
    this.applied = Topics.applied(cluster);
    this.applyFailures = Topics.applyFailures(cluster);
    this.status = Topics.status(cluster);
    this.settings = settings;
  }

  @Override
  public String name() {
    return desired.name();
  }

  @Override
  public void ensureExists() {
    try (Admin admin = Admin.create(kafkaConfig)) {
      TopicProvisioning.ensure(
              admin, List.of(desired, applied, applyFailures, status), settings, TIMEOUT)
          .forEach(topic -> LOG.infof("Created topic %s", topic));
    }
  }
}
