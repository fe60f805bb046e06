package dev.meshfed.cli.kafka;

import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.KafkaException;

/** The clusters that have a topic of one kind, from the broker's topic list. */
public final class TopicNames {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private TopicNames() {}

  /**
   * Every cluster for which {@code clusterOf} recognises a topic name.
   *
   * @param clusterOf the cluster a topic speaks for, if it is a topic of the wanted kind
   */
  public static SortedSet<String> clusters(
      Properties kafka, Function<String, Optional<String>> clusterOf) {
    try (Admin admin = Admin.create(kafka)) {
      SortedSet<String> clusters = new TreeSet<>();
      for (String topic :
          admin.listTopics().names().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        clusterOf.apply(topic).ifPresent(clusters::add);
      }
      return clusters;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaException("interrupted while listing topics", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new KafkaException("cannot list topics", e);
    }
  }
}
