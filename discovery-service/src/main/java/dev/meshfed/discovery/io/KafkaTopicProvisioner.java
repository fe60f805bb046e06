package dev.meshfed.discovery.io;

import dev.meshfed.discovery.sync.TopicProvisioner;
import dev.meshfed.schema.kafka.TopicSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;

/** Creates topics with the Kafka Admin client; a topic that exists already is fine. */
final class KafkaTopicProvisioner implements TopicProvisioner {

  private static final Logger LOG = Logger.getLogger(KafkaTopicProvisioner.class);

  private final Map<String, Object> adminProperties;
  private final List<TopicSpec<?, ?>> topics;
  private final short replicationFactor;
  private final Duration timeout;

  KafkaTopicProvisioner(
      Map<String, Object> adminProperties,
      List<TopicSpec<?, ?>> topics,
      short replicationFactor,
      Duration timeout) {
    this.adminProperties = adminProperties;
    this.topics = topics;
    this.replicationFactor = replicationFactor;
    this.timeout = timeout;
  }

  @Override
  public void ensureClusterTopics() {
    try (Admin admin = Admin.create(adminProperties)) {
      CreateTopicsResult result =
          admin.createTopics(
              topics.stream().map(spec -> spec.newTopic(replicationFactor)).toList());
      result.values().forEach(this::awaitCreated);
    }
  }

  private void awaitCreated(String topic, KafkaFuture<Void> creation) {
    try {
      creation.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      LOG.infof("Created topic %s", topic);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("Cannot create topic " + topic, e.getCause());
      }
      LOG.debugf("Topic %s exists", topic);
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "Kafka did not create topic " + topic + " within " + timeout, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while creating topic " + topic, e);
    }
  }
}
