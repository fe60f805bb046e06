package dev.meshfed.cli.kafka;

import dev.meshfed.schema.kafka.TopicSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads a topic from its log start to the end offsets taken when reading begins, committed records
 * only, with no consumer group: the audit commands leave no trace on Kafka.
 */
public final class WholeTopic {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final int READ_TO_END_FETCH_WAIT_MS = 10;

  /** The records read, and how many were deleted from the head of the log before them. */
  public record Contents<T>(List<T> records, long logStartOffset) {}

  private WholeTopic() {}

  /** Empty when the topic does not exist. */
  public static <K, V, T> Optional<Contents<T>> read(
      Properties kafka, TopicSpec<K, V> topic, Function<ConsumerRecord<K, V>, T> map) {
    Properties props = new Properties();
    props.putAll(kafka);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    // it stops at the end it was given; the fetch it sends past that end waits for new records,
    // and closing it waits for that fetch: 500 ms a topic by default, 10 ms here
    props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, READ_TO_END_FETCH_WAIT_MS);
    try (KafkaConsumer<K, V> consumer =
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
      List<T> records = new ArrayList<>();
      while (!reached(consumer, end)) {
        for (ConsumerRecord<K, V> r : consumer.poll(Duration.ofMillis(300))) {
          records.add(map.apply(r));
        }
      }
      return Optional.of(new Contents<>(records, logStart));
    }
  }

  private static boolean reached(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
    return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
  }
}
