package dev.meshfed.cli.replay;

import dev.meshfed.schema.desired.DesiredKey;
import dev.meshfed.schema.desired.DesiredObject;
import dev.meshfed.schema.kafka.TopicSpec;
import dev.meshfed.schema.kafka.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

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
    TopicSpec<DesiredKey, DesiredObject> topic = Topics.desired(cluster);
    Properties props = new Properties();
    props.putAll(kafka);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    try (KafkaConsumer<DesiredKey, DesiredObject> consumer =
        new KafkaConsumer<>(
            props, topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
      List<PartitionInfo> infos = consumer.partitionsFor(topic.name(), TIMEOUT);
      if (infos == null || infos.isEmpty()) {
        return Optional.empty();
      }
      List<TopicPartition> partitions =
          infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
      long logStart =
          consumer.beginningOffsets(partitions, TIMEOUT).values().stream()
              .mapToLong(Long::longValue)
              .sum();
      List<DesiredRecord> records = new ArrayList<>();
      while (!reached(consumer, end)) {
        for (ConsumerRecord<DesiredKey, DesiredObject> r : consumer.poll(Duration.ofMillis(300))) {
          records.add(
              new DesiredRecord(
                  identity(r.key()),
                  r.value() == null ? null : r.value().getManifest(),
                  r.timestamp(),
                  r.offset()));
        }
      }
      return Optional.of(new DesiredHistory(records, logStart));
    }
  }

  /** The object's identity on the topic: (apiVersion, kind, namespace, name). */
  private static String identity(DesiredKey key) {
    return String.join(" ", key.getApiVersion(), key.getKind(), key.getNamespace(), key.getName());
  }

  private static boolean reached(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
    return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
  }
}
