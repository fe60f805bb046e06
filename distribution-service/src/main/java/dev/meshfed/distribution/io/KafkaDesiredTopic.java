package dev.meshfed.distribution.io;

import dev.meshfed.distribution.apply.DesiredTopic;
import dev.meshfed.schema.kafka.TopicSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TopicExistsException;
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
      admin
          .createTopics(List.of(spec.newTopic(replicationFactor)))
          .all()
          .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      LOG.infof("Created topic %s", spec.name());
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new KafkaException("Cannot create topic " + spec.name(), e.getCause());
      }
    } catch (TimeoutException e) {
      throw new KafkaException("Timed out creating topic " + spec.name(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaException("Interrupted while creating topic " + spec.name(), e);
    }
  }
}
