package dev.meshfed.cli.replay;

import dev.meshfed.cli.kafka.WholeTopic;
import dev.meshfed.schema.desired.DesiredKey;
import dev.meshfed.schema.kafka.Topics;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.KafkaException;

/**
 * Reads whole desired topics, as far as they reached when reading began (read-committed). Uses no
 * consumer group: reading leaves no trace on the cluster.
 */
public final class DesiredTopicReader {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final Properties kafka;

  public DesiredTopicReader(Properties kafka) {
    this.kafka = kafka;
  }

  /** Every cluster that has a desired topic. */
  public SortedSet<String> clusters() {
    try (Admin admin = Admin.create(kafka)) {
      SortedSet<String> clusters = new TreeSet<>();
      for (String topic :
          admin.listTopics().names().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        clusterOf(topic).ifPresent(clusters::add);
      }
      return clusters;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaException("interrupted while listing topics", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new KafkaException("cannot list topics", e);
    }
  }

  /** The cluster a desired topic speaks for, if the name is one. */
  static Optional<String> clusterOf(String topic) {
    if (!topic.startsWith(Topics.DESIRED_PREFIX)) {
      return Optional.empty();
    }
    String cluster = topic.substring(Topics.DESIRED_PREFIX.length());
    return Topics.CLUSTER_NAME.matcher(cluster).matches() ? Optional.of(cluster) : Optional.empty();
  }

  /** The cluster's desired topic from its log start; empty when the topic does not exist. */
  public Optional<DesiredHistory> read(String cluster) {
    return WholeTopic.read(
            kafka,
            Topics.desired(cluster),
            r ->
                new DesiredRecord(
                    identity(r.key()),
                    r.value() == null ? null : r.value().getManifest(),
                    r.timestamp(),
                    r.offset()))
        .map(contents -> new DesiredHistory(contents.records(), contents.logStartOffset()));
  }

  /** The object's identity on the topic: (apiVersion, kind, namespace, name). */
  private static String identity(DesiredKey key) {
    return String.join(" ", key.getApiVersion(), key.getKind(), key.getNamespace(), key.getName());
  }
}
