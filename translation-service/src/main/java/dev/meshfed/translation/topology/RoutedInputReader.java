package dev.meshfed.translation.topology;

import dev.meshfed.schema.discovery.DiscoveredObject;
import dev.meshfed.schema.discovery.DiscoveryKey;
import dev.meshfed.schema.events.EventKey;
import dev.meshfed.schema.events.FederationEvent;
import dev.meshfed.schema.kafka.AvroSerde;
import dev.meshfed.schema.kafka.Topics;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.jboss.logging.Logger;

/**
 * Reads a routed record back as what its first topic holds, and hands it on as that topic's source
 * would: discovered records to the federation processor, apply-failures ones to the apply-report
 * processor, the topic in a header. A record that does not decode is logged and skipped, as the
 * deserialization handler does for a direct source.
 */
final class RoutedInputReader implements Processor<byte[], byte[], Object, Object> {

  private static final Logger LOG = Logger.getLogger(RoutedInputReader.class);

  private final Deserializer<DiscoveryKey> discoveryKeys = new AvroSerde<>(DiscoveryKey.class);
  private final Deserializer<DiscoveredObject> discovered = new AvroSerde<>(DiscoveredObject.class);
  private final Deserializer<EventKey> eventKeys = new AvroSerde<>(EventKey.class);
  private final Deserializer<FederationEvent> events = new AvroSerde<>(FederationEvent.class);
  private ProcessorContext<Object, Object> context;

  @Override
  public void init(ProcessorContext<Object, Object> context) {
    this.context = context;
  }

  @Override
  public void process(Record<byte[], byte[]> record) {
    Optional<RoutedInputs.Source> source = RoutedInputs.source(record.key());
    if (source.isEmpty()) {
      LOG.errorf("Ignoring a routed record with no source topic: %s", context.recordMetadata());
      return;
    }
    String topic = source.get().topic();
    try {
      if (Topics.clusterOfDiscovered(topic).isPresent()) {
        hand(record, source.get(), discoveryKeys, discovered, TranslationTopology.PROCESSOR);
      } else if (Topics.clusterOfApplyFailures(topic).isPresent()) {
        hand(record, source.get(), eventKeys, events, TranslationTopology.APPLY_PROCESSOR);
      } else {
        LOG.errorf("Ignoring a routed record of %s: neither discovered nor apply-failures", topic);
      }
    } catch (SerializationException e) {
      LOG.errorf(e, "Ignoring a routed record of %s that does not decode", topic);
    }
  }

  private <K, V> void hand(
      Record<byte[], byte[]> record,
      RoutedInputs.Source source,
      Deserializer<K> keys,
      Deserializer<V> values,
      String child) {
    String topic = source.topic();
    K key = keys.deserialize(topic, source.key());
    V value = values.deserialize(topic, record.value());
    RecordHeaders headers = new RecordHeaders();
    headers.add(RoutedInputs.SOURCE_TOPIC_HEADER, topic.getBytes(StandardCharsets.UTF_8));
    context.forward(new Record<Object, Object>(key, value, record.timestamp(), headers), child);
  }
}
