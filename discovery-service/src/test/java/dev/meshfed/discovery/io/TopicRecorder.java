package dev.meshfed.discovery.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meshfed.discovery.model.AgentRecord;
import dev.meshfed.schema.discovery.AgentState;
import dev.meshfed.schema.discovery.DiscoveredObject;
import dev.meshfed.schema.discovery.DiscoveryKey;
import dev.meshfed.schema.kafka.TopicSpec;
import dev.meshfed.schema.kafka.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/** Reads a discovered topic from its beginning, in the background, into a list. */
final class TopicRecorder implements AutoCloseable {

  private final KafkaConsumer<DiscoveryKey, DiscoveredObject> consumer;
  private final List<ConsumerRecord<DiscoveryKey, DiscoveredObject>> records =
      new CopyOnWriteArrayList<>();
  private final TopicPartition partition;
  private final Thread thread;
  private volatile RuntimeException failure;

  TopicRecorder(String bootstrapServers, TopicSpec<DiscoveryKey, DiscoveredObject> topic) {
    this.consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed"),
            topic.keySerde().deserializer(),
            topic.valueSerde().deserializer());
    this.partition = new TopicPartition(topic.name(), 0);
    consumer.assign(List.of(partition));
    consumer.seekToBeginning(List.of(partition));
    this.thread = new Thread(this::poll, "recorder-" + topic.name());
    thread.start();
  }

  /** The discovered topic of a cluster. */
  static TopicRecorder of(TestBroker broker, String cluster) {
    return new TopicRecorder(broker.bootstrapServers(), Topics.discovered(cluster));
  }

  private void poll() {
    try {
      while (true) {
        consumer.poll(Duration.ofMillis(100)).forEach(records::add);
      }
    } catch (WakeupException e) {
      consumer.close();
    } catch (RuntimeException e) {
      failure = e;
      consumer.close();
    }
  }

  List<ConsumerRecord<DiscoveryKey, DiscoveredObject>> records() {
    if (failure != null) {
      throw new IllegalStateException("The recorder stopped", failure);
    }
    return List.copyOf(records);
  }

  List<ConsumerRecord<DiscoveryKey, DiscoveredObject>> recordsOf(DiscoveryKey key) {
    return records().stream().filter(record -> record.key().equals(key)).toList();
  }

  /** The latest record of a key, if any (its value is null for a tombstone). */
  Optional<ConsumerRecord<DiscoveryKey, DiscoveredObject>> latest(DiscoveryKey key) {
    List<ConsumerRecord<DiscoveryKey, DiscoveredObject>> ofKey = recordsOf(key);
    return ofKey.isEmpty() ? Optional.empty() : Optional.of(ofKey.get(ofKey.size() - 1));
  }

  /** The records at or after an offset. */
  List<ConsumerRecord<DiscoveryKey, DiscoveredObject>> from(long offset) {
    return records().stream().filter(record -> record.offset() >= offset).toList();
  }

  boolean isPresent(DiscoveryKey key) {
    return latest(key).map(record -> record.value() != null).orElse(false);
  }

  boolean isTombstone(DiscoveryKey key) {
    return latest(key).map(record -> record.value() == null).orElse(false);
  }

  /** The first Agent record at or after an offset: the topic is complete up to it. */
  ConsumerRecord<DiscoveryKey, DiscoveredObject> awaitAgent(long fromOffset) {
    ConsumerRecord<DiscoveryKey, DiscoveredObject> agent =
        await()
            .until(
                () ->
                    recordsOf(AgentRecord.KEY).stream()
                        .filter(record -> record.offset() >= fromOffset)
                        .findFirst(),
                Optional::isPresent)
            .orElseThrow();
    assertThat(agent.value().getPayload()).isInstanceOf(AgentState.class);
    return agent;
  }

  static List<String> watchedKinds(ConsumerRecord<DiscoveryKey, DiscoveredObject> agent) {
    return ((AgentState) agent.value().getPayload()).getWatchedKinds();
  }

  /** The offset the next record will have. */
  long nextOffset() {
    List<ConsumerRecord<DiscoveryKey, DiscoveredObject>> all = records();
    return all.isEmpty() ? 0 : all.get(all.size() - 1).offset() + 1;
  }

  @Override
  public void close() throws InterruptedException {
    consumer.wakeup();
    thread.join();
  }
}
