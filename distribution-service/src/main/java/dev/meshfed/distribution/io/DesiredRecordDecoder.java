package dev.meshfed.distribution.io;

import dev.meshfed.distribution.model.DesiredRecord;
import dev.meshfed.distribution.model.ObjectKey;
import dev.meshfed.distribution.model.RecordPosition;
import dev.meshfed.distribution.model.TopicRecord;
import dev.meshfed.distribution.model.UndecodableRecord;
import dev.meshfed.schema.desired.DesiredKey;
import dev.meshfed.schema.desired.DesiredObject;
import dev.meshfed.schema.kafka.TopicSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Decodes raw desired records. The consumer reads bytes so that one undecodable record becomes a
 * failed record instead of an exception that stops the consumer at that offset for good.
 */
final class DesiredRecordDecoder {

  private final TopicSpec<DesiredKey, DesiredObject> spec;

  DesiredRecordDecoder(TopicSpec<DesiredKey, DesiredObject> spec) {
    this.spec = spec;
  }

  TopicRecord decode(ConsumerRecord<byte[], byte[]> raw) {
    RecordPosition position =
        new RecordPosition(raw.topic(), raw.partition(), raw.offset(), raw.timestamp());
    try {
      DesiredKey key = spec.keySerde().deserializer().deserialize(raw.topic(), raw.key());
      if (key == null) {
        return new UndecodableRecord(position, "the record has no key");
      }
      DesiredObject value = spec.valueSerde().deserializer().deserialize(raw.topic(), raw.value());
      return new DesiredRecord(
          objectKey(key), value == null ? null : value.getManifest(), position);
    } catch (SerializationException e) {
      return new UndecodableRecord(position, describe(e));
    }
  }

  private static ObjectKey objectKey(DesiredKey key) {
    return new ObjectKey(key.getApiVersion(), key.getKind(), key.getNamespace(), key.getName());
  }

  private static String describe(SerializationException e) {
    return e.getCause() == null ? e.getMessage() : e.getMessage() + ": " + e.getCause();
  }
}
