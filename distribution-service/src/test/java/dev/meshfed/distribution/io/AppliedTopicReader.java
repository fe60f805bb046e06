package dev.meshfed.distribution.io;

import dev.meshfed.schema.events.EventKey;
import dev.meshfed.schema.events.FederationEvent;
import dev.meshfed.schema.kafka.TopicSpec;
import dev.meshfed.schema.kafka.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads a cluster's applied topic (or apply-failures topic) from the beginning with the schema's
 * serdes, as users would.
 */
final class AppliedTopicReader implements AutoCloseable {

  private final KafkaConsumer<EventKey, FederationEvent> consumer;
  private final List<ConsumerRecord<EventKey, FederationEvent>> read = new ArrayList<>();

  AppliedTopicReader(String bootstrapServers, String cluster) {
    this(bootstrapServers, Topics.applied(cluster));
  }

  /** Reads another topic of the applied topic's kind (the apply-failures topic). */
  AppliedTopicReader(String bootstrapServers, TopicSpec<EventKey, FederationEvent> spec) {
    this.consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false),
            spec.keySerde().deserializer(),
            spec.valueSerde().deserializer());
    List<TopicPartition> partitions = List.of(new TopicPartition(spec.name(), 0));
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
  }

  /** Every record read so far, after a poll for more. */
  List<ConsumerRecord<EventKey, FederationEvent>> poll() {
    consumer.poll(Duration.ofMillis(200)).forEach(read::add);
    return List.copyOf(read);
  }

  /** The typed events read so far, after a poll for more. */
  List<Object> events() {
    return poll().stream().map(r -> r.value().getEvent()).toList();
  }

  @Override
  public void close() {
    consumer.close();
  }
}
