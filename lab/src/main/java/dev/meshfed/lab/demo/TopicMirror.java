package dev.meshfed.lab.demo;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The latest committed value of every key of every meshfed state topic, and of the events topic,
 * kept current by a background consumer: what the harness compares clusters against, and whether
 * translation is in the middle of a full recompute.
 */
final class TopicMirror implements AutoCloseable {

  private static final Pattern STATE_TOPICS =
      Pattern.compile("meshfed\\.(discovered\\..+|desired\\..+|events)");

  private final ConsumerLoop<byte[], byte[]> loop;
  private final Map<String, Map<Key, byte[]>> topics = new ConcurrentHashMap<>();
  private final Map<String, Map<Key, Long>> offsets = new ConcurrentHashMap<>();
  private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();

  record Key(byte[] bytes) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Arrays.equals(bytes, k.bytes);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(bytes);
    }
  }

  TopicMirror(String bootstrapServers) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(
        ConsumerConfig.GROUP_ID_CONFIG, "meshfed-demo-harness-" + ProcessHandle.current().pid());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "1000");
    KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    consumer.subscribe(STATE_TOPICS);
    loop = new ConsumerLoop<>("topic-mirror", consumer, this::mirror);
  }

  /** A copy of the latest non-deleted values of one topic. */
  Map<Key, byte[]> snapshot(String topic) {
    return new HashMap<>(topics.getOrDefault(topic, Map.of()));
  }

  /** Offsets of the latest record per key of one topic (tombstones included). */
  Map<Key, Long> latestOffsets(String topic) {
    return new HashMap<>(offsets.getOrDefault(topic, Map.of()));
  }

  /** Positions reached per partition (next offset to read). */
  Map<TopicPartition, Long> positions() {
    return new HashMap<>(positions);
  }

  private void mirror(
      ConsumerRecords<byte[], byte[]> records, KafkaConsumer<byte[], byte[]> consumer) {
    for (ConsumerRecord<byte[], byte[]> r : records) {
      Key key = new Key(r.key());
      offsets.computeIfAbsent(r.topic(), t -> new ConcurrentHashMap<>()).put(key, r.offset());
      Map<Key, byte[]> topic = topics.computeIfAbsent(r.topic(), t -> new ConcurrentHashMap<>());
      if (r.value() == null) {
        topic.remove(key);
      } else {
        topic.put(key, r.value());
      }
    }
    for (TopicPartition tp : consumer.assignment()) {
      positions.put(tp, consumer.position(tp));
    }
  }

  @Override
  public void close() throws InterruptedException {
    loop.close();
  }
}
