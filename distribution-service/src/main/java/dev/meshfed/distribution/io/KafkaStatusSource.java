package dev.meshfed.distribution.io;

import dev.meshfed.distribution.apply.StatusSource;
import dev.meshfed.distribution.model.StatusRecord;
import dev.meshfed.distribution.model.StatusTarget;
import dev.meshfed.schema.discovery.DiscoveryKey;
import dev.meshfed.schema.kafka.TopicSpec;
import dev.meshfed.schema.status.InputStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * Reads the cluster's status topic from the beginning, without a consumer group (the topic is the
 * state), committed transactions only. A record it cannot decode is logged and skipped: the next
 * status of that input replaces it.
 */
public final class KafkaStatusSource implements StatusSource {

  private static final Logger LOG = Logger.getLogger(KafkaStatusSource.class);
  private static final Duration POLL_TIMEOUT = Duration.ofSeconds(1);
  private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(30);

  private final TopicSpec<DiscoveryKey, InputStatus> spec;
  private final KafkaConsumer<byte[], byte[]> consumer;

  public KafkaStatusSource(
      Map<String, Object> kafkaConfig, TopicSpec<DiscoveryKey, InputStatus> spec) {
    this.spec = spec;
    this.consumer = StateTopicConsumers.create(kafkaConfig, "meshfed-status-" + spec.name());
  }

  @Override
  public void seekToBeginning() {
    StateTopicConsumers.assignFromBeginning(consumer, spec.name(), METADATA_TIMEOUT);
  }

  @Override
  public List<StatusRecord> poll() {
    List<StatusRecord> records = new ArrayList<>();
    try {
      for (ConsumerRecord<byte[], byte[]> raw : consumer.poll(POLL_TIMEOUT)) {
        decode(raw).ifPresent(records::add);
      }
    } catch (WakeupException e) {
      return List.of();
    }
    return records;
  }

  private Optional<StatusRecord> decode(ConsumerRecord<byte[], byte[]> raw) {
    String origin = raw.topic() + "-" + raw.partition() + "@" + raw.offset();
    try {
      DiscoveryKey key = spec.keySerde().deserializer().deserialize(raw.topic(), raw.key());
      StatusTarget target = new StatusTarget(key.getKind(), key.getNamespace(), key.getName());
      if (raw.value() == null) {
        return Optional.of(new StatusRecord(target, Optional.empty(), Optional.empty(), origin));
      }
      InputStatus status = spec.valueSerde().deserializer().deserialize(raw.topic(), raw.value());
      return Optional.of(
          new StatusRecord(
              target,
              Optional.of(status.getApiVersion()),
              Optional.of(status.getStatus()),
              origin));
    } catch (RuntimeException e) {
      LOG.errorf("Cannot decode the status record at %s: %s", origin, e.getMessage());
      return Optional.empty();
    }
  }

  @Override
  public void wakeup() {
    consumer.wakeup();
  }

  @Override
  public void close() {
    consumer.close();
  }
}
