package dev.meshfed.cli.status;

import dev.meshfed.cli.audit.AuditTopicReader;
import dev.meshfed.cli.audit.DesiredEntry;
import dev.meshfed.cli.events.EventReader;
import dev.meshfed.cli.events.EventView;
import dev.meshfed.cli.kafka.WholeTopic;
import dev.meshfed.schema.discovery.DiscoveredObject;
import dev.meshfed.schema.discovery.DiscoveryKey;
import dev.meshfed.schema.kafka.TopicSpec;
import dev.meshfed.schema.kafka.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/**
 * Reads what status needs: every cluster's discovered, desired, applied and status topics,
 * meshfed.events, and how far translation's consumer group has read. Reads without a consumer group
 * of its own and commits nothing: it leaves no trace on Kafka.
 */
public final class StatusReader {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final Properties kafka;
  private final String translationGroup;

  public StatusReader(Properties kafka, String translationGroup) {
    this.kafka = kafka;
    this.translationGroup = translationGroup;
  }

  /** Empty when the Kafka holds no discovered topic: no meshfed has run there. */
  public Optional<StatusInputs> read() {
    Map<String, TranslationProgress> progress;
    boolean groupHasOffsets;
    try (Admin admin = Admin.create(kafka)) {
      SortedSet<String> clusters = new TreeSet<>();
      for (String topic : get(admin.listTopics().names())) {
        Topics.clusterOfDiscovered(topic).ifPresent(clusters::add);
      }
      if (clusters.isEmpty()) {
        return Optional.empty();
      }
      Map<TopicPartition, OffsetAndMetadata> committed = committed(admin);
      groupHasOffsets = !committed.isEmpty();
      progress = progress(admin, clusters, committed);
    }
    AuditTopicReader audit = new AuditTopicReader(kafka);
    Map<String, List<EventView>> applied = new HashMap<>();
    List<EventView> events = new ArrayList<>();
    try (EventReader reader = new EventReader(kafka, false)) {
      reader.read(
          null,
          e -> {
            if (e.reportedBy() == null) {
              events.add(e);
            } else {
              applied.computeIfAbsent(e.reportedBy(), c -> new ArrayList<>()).add(e);
            }
          });
    }
    List<ClusterRecords> clusters = new ArrayList<>();
    for (Map.Entry<String, TranslationProgress> cluster : progress.entrySet()) {
      String name = cluster.getKey();
      List<DesiredEntry> desired = audit.desired(name).orElse(List.of());
      clusters.add(
          new ClusterRecords(
              name,
              discovered(name),
              desired,
              applied.getOrDefault(name, List.of()),
              cluster.getValue(),
              statuses(name)));
    }
    return Optional.of(new StatusInputs(clusters, events, groupHasOffsets));
  }

  private List<DiscoveredRecord> discovered(String cluster) {
    return records(
        Topics.discovered(cluster),
        r -> {
          DiscoveryKey k = r.key();
          DiscoveredObject v = r.value();
          return new DiscoveredRecord(k.getKind(), k.getNamespace(), k.getName(), v, r.timestamp());
        });
  }

  private List<InputStatusRecord> statuses(String cluster) {
    return records(
        Topics.status(cluster),
        r -> {
          DiscoveryKey k = r.key();
          return new InputStatusRecord(k.getKind(), k.getNamespace(), k.getName(), r.value());
        });
  }

  /** A topic's records in order; none when it does not exist. */
  private <K, V, T> List<T> records(TopicSpec<K, V> topic, Function<ConsumerRecord<K, V>, T> map) {
    return WholeTopic.read(kafka, topic, map).map(WholeTopic.Contents::records).orElse(List.of());
  }

  /** The group's committed offsets; none when it does not exist. */
  private Map<TopicPartition, OffsetAndMetadata> committed(Admin admin) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    try {
      get(admin.listConsumerGroupOffsets(translationGroup).partitionsToOffsetAndMetadata())
          .forEach(
              (partition, offset) -> {
                if (offset != null) {
                  offsets.put(partition, offset);
                }
              });
    } catch (GroupIdNotFoundException e) {
      // translation never committed under that application id
    }
    return offsets;
  }

  /** Per cluster, in name order. */
  private Map<String, TranslationProgress> progress(
      Admin admin, SortedSet<String> clusters, Map<TopicPartition, OffsetAndMetadata> committed) {
    List<String> topics = clusters.stream().map(c -> Topics.discovered(c).name()).toList();
    Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    for (TopicDescription topic : get(admin.describeTopics(topics).allTopicNames()).values()) {
      topic
          .partitions()
          .forEach(
              p -> {
                TopicPartition partition = new TopicPartition(topic.name(), p.partition());
                earliest.put(partition, OffsetSpec.earliest());
                latest.put(partition, OffsetSpec.latest());
              });
    }
    Map<TopicPartition, ListOffsetsResultInfo> starts = get(admin.listOffsets(earliest).all());
    Map<TopicPartition, ListOffsetsResultInfo> ends = get(admin.listOffsets(latest).all());
    Map<String, TranslationProgress> progress = new TreeMap<>();
    for (String cluster : clusters) {
      String topic = Topics.discovered(cluster).name();
      long start = 0;
      long end = 0;
      long done = 0;
      boolean anyCommitted = false;
      for (TopicPartition p : latest.keySet()) {
        if (!p.topic().equals(topic)) {
          continue;
        }
        long partitionStart = starts.get(p).offset();
        start += partitionStart;
        end += ends.get(p).offset();
        OffsetAndMetadata c = committed.get(p);
        anyCommitted |= c != null;
        done += c == null ? partitionStart : c.offset();
      }
      progress.put(cluster, new TranslationProgress(start, end, anyCommitted ? done : null));
    }
    return progress;
  }

  private static <T> T get(KafkaFuture<T> future) {
    try {
      return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaException("interrupted while reading from Kafka", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof KafkaException cause) {
        throw cause;
      }
      throw new KafkaException("cannot read from Kafka", e.getCause());
    } catch (TimeoutException e) {
      throw new KafkaException("no answer from Kafka in " + TIMEOUT.toSeconds() + "s", e);
    }
  }
}
