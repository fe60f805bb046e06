package dev.meshfed.cli.events;

import dev.meshfed.schema.events.EventKey;
import dev.meshfed.schema.events.FederationEvent;
import dev.meshfed.schema.kafka.TopicSpec;
import dev.meshfed.schema.kafka.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Reads the event topics (meshfed.events and every meshfed.applied.&lt;cluster&gt;) from a point in
 * time, interleaved by time: to the end as it was when reading began, or on (follow) until {@link
 * #stop()}. Uses no consumer group: reading leaves no trace on the cluster.
 */
public final class EventReader implements AutoCloseable {

  private static final Duration POLL = Duration.ofMillis(300);
  private static final Duration TOPIC_REFRESH = Duration.ofSeconds(5);
  private static final int MAX_BUFFERED = 10_000;

  /**
   * How long the broker holds a fetch with no new records. Reading to an end, the fetch the
   * consumer sends past it would otherwise keep the broker (and closing the consumer) waiting its
   * default 500 ms; following, the long wait spares the broker empty fetches.
   */
  private static final int FETCH_WAIT_TO_END_MS = 10;

  private static final int FETCH_WAIT_FOLLOWING_MS = 500;

  private final boolean follow;
  private final KafkaConsumer<EventKey, FederationEvent> consumer;
  private final TimeOrderedMerge<TopicPartition> merge = new TimeOrderedMerge<>();
  private final List<TopicPartition> partitions = new ArrayList<>();
  private volatile boolean stopped;

  /**
   * A reader to the end as it is when reading begins, or on until {@link #stop()} ({@code follow}).
   */
  public EventReader(Properties kafka, boolean follow) {
    this.follow = follow;
    TopicSpec<EventKey, FederationEvent> topic = Topics.events();
    Properties props = new Properties();
    props.putAll(kafka);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(
        ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG,
        follow ? FETCH_WAIT_FOLLOWING_MS : FETCH_WAIT_TO_END_MS);
    consumer =
        new KafkaConsumer<>(
            props, topic.keySerde().deserializer(), topic.valueSerde().deserializer());
  }

  /** Calls {@code onEvent} with each event from {@code since} (null: all). */
  public void read(Instant since, Consumer<EventView> onEvent) {
    addPartitions(eventPartitions(), since);
    Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
    Instant nextRefresh = Instant.now().plus(TOPIC_REFRESH);
    try {
      while (!stopped && (follow || !reached(end) || hasBuffered())) {
        pollInto();
        if (follow) {
          end = consumer.endOffsets(partitions);
        }
        Map<TopicPartition, Long> ends = end;
        merge.emit(partitions, p -> consumer.position(p) >= ends.get(p), onEvent);
        if (follow && Instant.now().isAfter(nextRefresh)) {
          addPartitions(newPartitions(), null);
          nextRefresh = Instant.now().plus(TOPIC_REFRESH);
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

  private void pollInto() {
    List<TopicPartition> full =
        partitions.stream().filter(p -> merge.buffered(p) >= MAX_BUFFERED).toList();
    consumer.pause(full);
    for (ConsumerRecord<EventKey, FederationEvent> r : consumer.poll(POLL)) {
      if (r.value() != null) {
        String reportedBy = Topics.clusterOfApplied(r.topic()).orElse(null);
        merge.add(
            new TopicPartition(r.topic(), r.partition()),
            new EventView(r.timestamp(), reportedBy, r.value()));
      }
    }
    consumer.resume(full);
  }

  private List<TopicPartition> eventPartitions() {
    List<TopicPartition> found = new ArrayList<>();
    consumer
        .listTopics(Duration.ofSeconds(30))
        .forEach(
            (topic, infos) -> {
              if (topic.equals(Topics.EVENTS) || Topics.clusterOfApplied(topic).isPresent()) {
                infos.forEach(i -> found.add(new TopicPartition(i.topic(), i.partition())));
              }
            });
    return found;
  }

  private List<TopicPartition> newPartitions() {
    return eventPartitions().stream().filter(p -> !partitions.contains(p)).toList();
  }

  private void addPartitions(List<TopicPartition> added, Instant since) {
    if (added.isEmpty()) {
      return;
    }
    partitions.addAll(added);
    consumer.assign(partitions);
    seek(added, since);
  }

  private void seek(List<TopicPartition> added, Instant since) {
    if (since == null) {
      consumer.seekToBeginning(added);
      return;
    }
    // Ends first: an event written after this is at or past them, so falling back to them when
    // no event is that recent yet cannot skip it (the other order could).
    Map<TopicPartition, Long> ends = consumer.endOffsets(added);
    Map<TopicPartition, Long> query = new HashMap<>();
    added.forEach(p -> query.put(p, since.toEpochMilli()));
    Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query);
    for (TopicPartition p : added) {
      OffsetAndTimestamp at = found.get(p);
      consumer.seek(p, at == null ? ends.get(p) : at.offset());
    }
  }

  private boolean reached(Map<TopicPartition, Long> end) {
    return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
  }

  private boolean hasBuffered() {
    return partitions.stream().anyMatch(p -> merge.buffered(p) > 0);
  }

  @Override
  public void close() {
    consumer.close(Duration.ofSeconds(2));
  }
}
