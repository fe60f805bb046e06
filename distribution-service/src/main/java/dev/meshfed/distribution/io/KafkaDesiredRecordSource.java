package dev.meshfed.distribution.io;

import dev.meshfed.distribution.apply.DesiredRecordSource;
import dev.meshfed.distribution.model.TopicRecord;
import dev.meshfed.schema.desired.DesiredKey;
import dev.meshfed.schema.desired.DesiredObject;
import dev.meshfed.schema.kafka.TopicSpec;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Reads every partition of the desired topic from the beginning, without a consumer group: the
 * whole topic is the state, so there is no committed position to resume from. Only committed
 * transactions are read, so translation-service's half-written changes never reach the cluster.
 */
public final class KafkaDesiredRecordSource implements DesiredRecordSource {

  private static final Duration POLL_TIMEOUT = Duration.ofSeconds(1);
  private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(30);

  private final TopicSpec<DesiredKey, DesiredObject> spec;
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final DesiredRecordDecoder decoder;
  private final KafkaClientMetrics metrics;
  private Map<TopicPartition, Long> endOffsets = Map.of();

  public KafkaDesiredRecordSource(
      Map<String, Object> kafkaConfig, TopicSpec<DesiredKey, DesiredObject> spec) {
    this.spec = spec;
    this.consumer = StateTopicConsumers.create(kafkaConfig, "meshfed-distribution-" + spec.name());
    this.decoder = new DesiredRecordDecoder(spec);
    // the consumer's own metrics, among them its lag behind the desired topic
    // (kafka_consumer_fetch_manager_records_lag)
    this.metrics = new KafkaClientMetrics(consumer);
    metrics.bindTo(Metrics.globalRegistry);
  }

  @Override
  public void seekToBeginning() {
    List<TopicPartition> partitions =
        StateTopicConsumers.assignFromBeginning(consumer, spec.name(), METADATA_TIMEOUT);
    // Under read_committed these are the last stable offsets: the end of committed data.
    endOffsets = consumer.endOffsets(partitions, METADATA_TIMEOUT);
  }

  @Override
  public boolean caughtUp() {
    return endOffsets.entrySet().stream()
        .allMatch(end -> consumer.position(end.getKey(), METADATA_TIMEOUT) >= end.getValue());
  }

  @Override
  public List<TopicRecord> poll() {
    List<TopicRecord> records = new ArrayList<>();
    try {
      for (ConsumerRecord<byte[], byte[]> raw : consumer.poll(POLL_TIMEOUT)) {
        records.add(decoder.decode(raw));
      }
    } catch (WakeupException e) {
      // wakeup() is how shutdown ends a blocked poll: there is nothing more to read.
      return List.of();
    }
    return records;
  }

  @Override
  public void wakeup() {
    consumer.wakeup();
  }

  @Override
  public void close() {
    metrics.close();
    consumer.close();
  }
}
