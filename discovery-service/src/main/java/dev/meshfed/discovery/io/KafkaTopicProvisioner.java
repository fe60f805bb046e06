package dev.meshfed.discovery.io;

import dev.meshfed.discovery.sync.TopicProvisioner;
import dev.meshfed.schema.kafka.TopicProvisioning;
import dev.meshfed.schema.kafka.TopicSettings;
import dev.meshfed.schema.kafka.TopicSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.jboss.logging.Logger;

/** Creates the topics that are missing with the Kafka Admin client. */
final class KafkaTopicProvisioner implements TopicProvisioner {

  private static final Logger LOG = Logger.getLogger(KafkaTopicProvisioner.class);

  private final Map<String, Object> adminProperties;
  private final List<TopicSpec<?, ?>> topics;
  private final TopicSettings settings;
  private final Duration timeout;

  KafkaTopicProvisioner(
      Map<String, Object> adminProperties,
      List<TopicSpec<?, ?>> topics,
      TopicSettings settings,
      Duration timeout) {
    this.adminProperties = adminProperties;
    this.topics = topics;
    this.settings = settings;
    this.timeout = timeout;
  }

  @Override
  public void ensureClusterTopics() {
    try (Admin admin = Admin.create(adminProperties)) {
      TopicProvisioning.ensure(admin, topics, settings, timeout)
          .forEach(topic -> LOG.infof("Created topic %s", topic));
    }
  }
}
