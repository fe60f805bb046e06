package dev.meshfed.lab.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.LongSerializer;

/** Kafka clients tuned for latency, as the floor measures it: no batching delay, every ack. */
final class BenchClients {

  private BenchClients() {}

  static KafkaProducer<Long, Long> producer(String bootstrapServers) {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.LINGER_MS_CONFIG,
            0),
        new LongSerializer(),
        new LongSerializer());
  }

  /** Reads what is written to a one-partition topic from now on, until stopped. */
  static Tail tail(String bootstrapServers, String topic) {
    KafkaConsumer<Long, Long> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false),
            new LongDeserializer(),
            new LongDeserializer());
    TopicPartition partition = new TopicPartition(topic, 0);
    consumer.assign(List.of(partition));
    consumer.seekToEnd(List.of(partition));
    consumer.position(partition); // resolve "end" now, before any sample is sent
    return new Tail(consumer);
  }

  static final class Tail {
    private final KafkaConsumer<Long, Long> consumer;
    private volatile boolean stopped;

    private Tail(KafkaConsumer<Long, Long> consumer) {
      this.consumer = consumer;
    }

    void run(Consumer<Long> onRecord) {
      try (consumer) {
        while (!stopped) {
          for (ConsumerRecord<Long, Long> r : consumer.poll(Duration.ofSeconds(1))) {
            onRecord.accept(r.value());
          }
        }
      } catch (WakeupException e) {
        if (!stopped) {
          throw e;
        }
      }
    }

    void stop() {
      stopped = true;
      consumer.wakeup();
    }
  }
}
