package dev.meshfed.schema.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates topics as their {@link TopicSpec}s describe them; a topic that exists is fine. */
public final class TopicProvisioning {

  private TopicProvisioning() {}

  /**
   * @return the names of the topics this call created (the others existed)
   * @throws KafkaException when a topic can be neither created nor found in time
   */
  public static List<String> ensure(
      Admin admin, List<TopicSpec<?, ?>> topics, short replicationFactor, Duration timeout) {
    Map<String, KafkaFuture<Void>> creations =
        admin
            .createTopics(topics.stream().map(spec -> spec.newTopic(replicationFactor)).toList())
            .values();
    List<String> created = new ArrayList<>();
    creations.forEach(
        (topic, creation) -> {
          if (awaitCreated(topic, creation, timeout)) {
            created.add(topic);
          }
        });
    return created;
  }

  private static boolean awaitCreated(String topic, KafkaFuture<Void> creation, Duration timeout) {
    try {
      creation.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof TopicExistsException) {
        return false;
      }
      throw new KafkaException("Cannot create topic " + topic, e.getCause());
    } catch (TimeoutException e) {
      throw new KafkaException("Kafka did not create topic " + topic + " within " + timeout, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaException("Interrupted while creating topic " + topic, e);
    }
  }
}
