package dev.meshfed.discovery.io;

import dev.meshfed.discovery.model.Write;
import dev.meshfed.discovery.sync.RecordSink;
import dev.meshfed.schema.discovery.DiscoveredObject;
import dev.meshfed.schema.discovery.DiscoveryKey;
import dev.meshfed.schema.kafka.TopicSpec;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;

/** Sends records to a discovered topic with an idempotent producer. */
final class KafkaRecordSink implements RecordSink {

  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final Producer<DiscoveryKey, DiscoveredObject> producer;
  private final String topic;

  KafkaRecordSink(
      Map<String, Object> producerProperties, TopicSpec<DiscoveryKey, DiscoveredObject> topic) {
    this.producer =
        new KafkaProducer<>(
            producerProperties, topic.keySerde().serializer(), topic.valueSerde().serializer());
    this.topic = topic.name();
  }

  @Override
  public CompletionStage<Void> send(Write write) {
    CompletableFuture<Void> sent = new CompletableFuture<>();
    try {
      producer.send(
          new ProducerRecord<>(topic, write.key(), write.value()),
          (metadata, error) -> complete(sent, error));
    } catch (KafkaException e) {
      // send() throws instead of calling back for errors found before queueing (e.g. metadata)
      sent.completeExceptionally(e);
    }
    return sent;
  }

  private static void complete(CompletableFuture<Void> sent, Exception error) {
    if (error == null) {
      sent.complete(null);
    } else {
      sent.completeExceptionally(error);
    }
  }

  @Override
  public void flush() {
    producer.flush();
  }

  @Override
  public void close() {
    producer.close(CLOSE_TIMEOUT);
  }
}
