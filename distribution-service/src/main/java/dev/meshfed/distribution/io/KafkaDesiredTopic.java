package dev.meshfed.distribution.io;

import dev.meshfed.distribution.apply.DesiredTopic;
import dev.meshfed.schema.kafka.TopicProvisioning;
import dev.meshfed.schema.kafka.TopicSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.jboss.logging.Logger;

/** Creates the desired topic with the partitions and configuration its spec gives. */
public final class KafkaDesiredTopic implements DesiredTopic {

  private static final Logger LOG = Logger.getLogger(KafkaDesiredTopic.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final Map<String, Object> kafkaConfig;
  private final TopicSpec<?, ?> spec;
  private final short replicationFactor;

  public KafkaDesiredTopic(
      Map<String, Object> kafkaConfig, TopicSpec<?, ?> spec, short replicationFactor) {
    this.kafkaConfig = Map.copyOf(kafkaConfig);
    this.spec = spec;
    this.replicationFactor = replicationFactor;
  }

  @Override
  public String name() {
    return spec.name();
  }

  @Override
  public void ensureExists() {
    try (Admin admin = Admin.create(kafkaConfig)) {
      TopicProvisioning.ensure(admin, List.of(spec), replicationFactor, TIMEOUT)
          .forEach(topic -> LOG.infof("Created topic %s", topic));
    }
  }
}
