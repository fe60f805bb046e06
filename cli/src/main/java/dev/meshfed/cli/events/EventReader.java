package dev.meshfed.cli.events;

import dev.meshfed.schema.events.EventKey;
import dev.meshfed.schema.events.FederationEvent;
import dev.meshfed.schema.kafka.TopicSpec;
import dev.meshfed.schema.kafka.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.ObjLongConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Reads meshfed.events from a point in time: to the end as it was when reading began, or on
 * (follow) until {@link #stop()}. Uses no consumer group: reading leaves no trace on the cluster.
 */
public final class EventReader implements AutoCloseable {

  private final KafkaConsumer<EventKey, FederationEvent> consumer;
  private volatile boolean stopped;

  public EventReader(Properties kafka) {
    TopicSpec<EventKey, FederationEvent> topic = Topics.events();
    Properties props = new Properties();
    props.putAll(kafka);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    consumer =
        new KafkaConsumer<>(
            props, topic.keySerde().deserializer(), topic.valueSerde().deserializer());
  }

  /** Calls {@code onEvent} with each event (and its timestamp) from {@code since} (null: all). */
  public void read(Instant since, boolean follow, ObjLongConsumer<FederationEvent> onEvent) {
    List<TopicPartition> partitions =
        consumer.partitionsFor(Topics.EVENTS, Duration.ofSeconds(30)).stream()
            .map(p -> new TopicPartition(p.topic(), p.partition()))
            .toList();
    consumer.assign(partitions);
    seek(partitions, since);
    Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
    try {
      while (!stopped && (follow || !reached(end))) {
        for (ConsumerRecord<EventKey, FederationEvent> r : consumer.poll(Duration.ofMillis(300))) {
          if (r.value() != null) {
            onEvent.accept(r.value(), r.timestamp());
          }
        }
      }
    } catch (WakeupException e) {
      if (!stopped) {
        throw e;
      }
    }
  }

  /** Ends a {@link #read} from another thread (Ctrl-C). */
  public void stop() {
    stopped = true;
    consumer.wakeup();
  }

  private void seek(List<TopicPartition> partitions, Instant since) {
    if (since == null) {
      consumer.seekToBeginning(partitions);
      return;
    }
    // Ends first: an event written after this is at or past them, so falling back to them when
    // no event is that recent yet cannot skip it (the other order could).
    Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
    Map<TopicPartition, Long> query = new HashMap<>();
    partitions.forEach(p -> query.put(p, since.toEpochMilli()));
    Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query);
    for (TopicPartition p : partitions) {
      OffsetAndTimestamp at = found.get(p);
      consumer.seek(p, at == null ? ends.get(p) : at.offset());
    }
  }

  private boolean reached(Map<TopicPartition, Long> end) {
    return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
  }

  @Override
  public void close() {
    consumer.close(Duration.ofSeconds(2));
  }
}
