package dev.meshfed.schema.kafka;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Makes sure topics exist as their {@link TopicSpec}s describe them. It describes them first and
 * creates only the missing ones, so that a principal without Create permission works once the
 * topics were created beforehand (docs/security.md).
 */
public final class TopicProvisioning {

  private static final String SEE = " (docs/security.md lists the ACLs each service needs)";

  private TopicProvisioning() {}

  /**
   * @return the names of the topics this call created (the others existed)
   * @throws KafkaException when a topic can be neither found nor created in time, naming the
   *     permission that is missing if that is why
   */
  public static List<String> ensure(
      Admin admin, List<TopicSpec<?, ?>> topics, TopicSettings settings, Duration timeout) {
    List<TopicSpec<?, ?>> missing = missing(admin, topics, timeout);
    if (missing.isEmpty()) {
      return List.of();
    }
    Map<String, KafkaFuture<Void>> creations =
        admin.createTopics(missing.stream().map(spec -> spec.newTopic(settings)).toList()).values();
    List<String> created = new ArrayList<>();
    creations.forEach(
        (topic, creation) -> {
          if (awaitCreated(topic, creation, timeout)) {
            created.add(topic);
          }
        });
    return created;
  }

  /**
   * @throws KafkaException when the topic has another number of partitions than its spec: its
   *     readers divide their work and their state by them
   */
  public static void requirePartitions(Admin admin, TopicSpec<?, ?> topic, Duration timeout) {
    int actual = describedPartitions(admin, topic.name(), timeout);
    if (actual != topic.partitions()) {
      throw new KafkaException(
          "Topic "
              + topic.name()
              + " has "
              + actual
              + " partitions, and "
              + topic.partitions()
              + " are configured: the number is fixed once the topic exists (docs/operations.md)");
    }
  }

  /**
   * A topic created a moment ago may still be unknown to the broker that answers: its metadata
   * reaches the brokers after the creation is acknowledged. So an unknown topic is asked for again
   * until the timeout.
   */
  private static int describedPartitions(Admin admin, String topic, Duration timeout) {
    RetryPolicy<Integer> untilKnown =
        RetryPolicy.<Integer>builder()
            .handle(UnknownTopicOrPartitionException.class)
            .withDelay(Duration.ofMillis(100))
            .withMaxRetries(-1)
            .withMaxDuration(timeout)
            .build();
    try {
      return Failsafe.with(untilKnown)
          .get(
              () -> {
                try {
                  return await(
                          admin.describeTopics(List.of(topic)).topicNameValues().get(topic),
                          timeout)
                      .partitions()
                      .size();
                } catch (ExecutionException e) {
                  throw e.getCause() instanceof RuntimeException cause ? cause : e;
                }
              });
    } catch (FailsafeException e) {
      if (e.getCause() instanceof TimeoutException) {
        throw new KafkaException("Kafka did not describe topic " + topic + " within " + timeout, e);
      }
      throw new KafkaException("Cannot describe topic " + topic, e.getCause());
    } catch (KafkaException e) {
      throw new KafkaException("Cannot describe topic " + topic, e);
    }
  }

  private static List<TopicSpec<?, ?>> missing(
      Admin admin, List<TopicSpec<?, ?>> topics, Duration timeout) {
    Map<String, KafkaFuture<TopicDescription>> descriptions =
        admin.describeTopics(topics.stream().map(TopicSpec::name).toList()).topicNameValues();
    List<TopicSpec<?, ?>> missing = new ArrayList<>();
    for (TopicSpec<?, ?> spec : topics) {
      try {
        await(descriptions.get(spec.name()), timeout);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof UnknownTopicOrPartitionException) {
          missing.add(spec);
        } else if (e.getCause() instanceof TopicAuthorizationException) {
          throw new KafkaException(
              "Not allowed to describe topic " + spec.name() + ": grant Describe on it" + SEE,
              e.getCause());
        } else {
          throw new KafkaException("Cannot describe topic " + spec.name(), e.getCause());
        }
      } catch (TimeoutException e) {
        throw new KafkaException(
            "Kafka did not describe topic " + spec.name() + " within " + timeout, e);
      }
    }
    return missing;
  }

  private static boolean awaitCreated(String topic, KafkaFuture<Void> creation, Duration timeout) {
    try {
      await(creation, timeout);
      return true;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof TopicExistsException) {
        return false;
      }
      if (cause instanceof TopicAuthorizationException
          || cause instanceof ClusterAuthorizationException) {
        throw new KafkaException(
            "Topic "
                + topic
                + " does not exist and this principal may not create it: create it beforehand or"
                + " grant Create on it"
                + SEE,
            cause);
      }
      throw new KafkaException("Cannot create topic " + topic, cause);
    } catch (TimeoutException e) {
      throw new KafkaException("Kafka did not create topic " + topic + " within " + timeout, e);
    }
  }

  private static <T> T await(KafkaFuture<T> future, Duration timeout)
      throws ExecutionException, TimeoutException {
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaException("Interrupted while waiting for Kafka", e);
    }
  }
}
