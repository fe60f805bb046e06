package dev.meshfed.discovery.io;

import dev.meshfed.discovery.sync.TopicSnapshotReader;
import dev.meshfed.schema.discovery.DiscoveredObject;
import dev.meshfed.schema.discovery.DiscoveryKey;
import dev.meshfed.schema.kafka.TopicSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/** Reads a discovered topic from the beginning up to the end offsets it has when reading starts. */
final class KafkaTopicSnapshotReader implements TopicSnapshotReader {

  private static final Duration POLL = Duration.ofMillis(200);

  private final Map<String, Object> consumerProperties;
  private final TopicSpec<DiscoveryKey, DiscoveredObject> topic;
  private final Duration timeout;

  KafkaTopicSnapshotReader(
      Map<String, Object> consumerProperties,
      TopicSpec<DiscoveryKey, DiscoveredObject> topic,
      Duration timeout) {
    this.consumerProperties = consumerProperties;
    this.topic = topic;
    this.timeout = timeout;
  }

  @Override
  public Map<DiscoveryKey, DiscoveredObject> readToEnd() {
    try (Consumer<DiscoveryKey, DiscoveredObject> consumer = newConsumer()) {
      List<TopicPartition> partitions = partitions(consumer);
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> endOffsets = consumer.endOffsets(partitions, timeout);
      return readUntil(consumer, endOffsets);
    }
  }

  private Consumer<DiscoveryKey, DiscoveredObject> newConsumer() {
    return new KafkaConsumer<>(
        consumerProperties, topic.keySerde().deserializer(), topic.valueSerde().deserializer());
  }

  private List<TopicPartition> partitions(Consumer<?, ?> consumer) {
    return consumer.partitionsFor(topic.name(), timeout).stream()
        .map(info -> new TopicPartition(info.topic(), info.partition()))
        .toList();
  }

  private Map<DiscoveryKey, DiscoveredObject> readUntil(
      Consumer<DiscoveryKey, DiscoveredObject> consumer, Map<TopicPartition, Long> endOffsets) {
    Map<DiscoveryKey, DiscoveredObject> latest = new HashMap<>();
    Instant deadline = Instant.now().plus(timeout);
    while (!reached(consumer, endOffsets)) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(
            "Could not read " + topic.name() + " to its end within " + timeout);
      }
      consumer.poll(POLL).forEach(record -> apply(latest, record));
    }
    return latest;
  }

  private static void apply(
      Map<DiscoveryKey, DiscoveredObject> latest,
      ConsumerRecord<DiscoveryKey, DiscoveredObject> record) {
    if (record.value() == null) {
      latest.remove(record.key());
    } else {
      latest.put(record.key(), record.value());
    }
  }

  private static boolean reached(Consumer<?, ?> consumer, Map<TopicPartition, Long> endOffsets) {
    return endOffsets.entrySet().stream()
        .allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
  }
}
