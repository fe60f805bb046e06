package dev.meshfed.distribution.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.distribution.model.DesiredRecord;
import dev.meshfed.distribution.model.ObjectKey;
import dev.meshfed.distribution.model.RecordPosition;
import dev.meshfed.distribution.model.TopicRecord;
import dev.meshfed.distribution.model.UndecodableRecord;
import dev.meshfed.schema.desired.DesiredKey;
import dev.meshfed.schema.desired.DesiredObject;
import dev.meshfed.schema.kafka.TopicSpec;
import dev.meshfed.schema.kafka.Topics;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class DesiredRecordDecoderTest {

  private static final TopicSpec<DesiredKey, DesiredObject> SPEC = Topics.desired("east");
  private static final DesiredKey KEY =
      new DesiredKey("networking.istio.io/v1", "ServiceEntry", "apps", "foo");

  private final DesiredRecordDecoder decoder = new DesiredRecordDecoder(SPEC);

  @Test
  void decodesARecord() {
    DesiredObject value =
        DesiredObject.newBuilder()
            .setManifest("{}")
            .setWorkspace("w")
            .setSources(List.of())
            .build();

    TopicRecord decoded = decoder.decode(raw(7, encodeKey(KEY), encodeValue(value)));

    assertThat(decoded)
        .isEqualTo(
            new DesiredRecord(
                new ObjectKey("networking.istio.io/v1", "ServiceEntry", "apps", "foo"),
                "{}",
                new RecordPosition("meshfed.desired.east", 0, 7)));
  }

  @Test
  void decodesATombstone() {
    TopicRecord decoded = decoder.decode(raw(8, encodeKey(KEY), null));

    assertThat(decoded)
        .isInstanceOfSatisfying(DesiredRecord.class, r -> assertThat(r.isTombstone()).isTrue());
  }

  @Test
  void turnsBytesThatAreNoDesiredRecordIntoAnUndecodableRecord() {
    TopicRecord decoded = decoder.decode(raw(9, new byte[] {1, 2, 3}, null));

    assertThat(decoded)
        .isInstanceOfSatisfying(
            UndecodableRecord.class,
            undecodable -> {
              assertThat(undecodable.origin()).isEqualTo("meshfed.desired.east-0@9");
              assertThat(undecodable.reason()).contains("Cannot decode");
            });
  }

  @Test
  void turnsARecordWithoutKeyIntoAnUndecodableRecord() {
    assertThat(decoder.decode(raw(10, null, null)))
        .isEqualTo(
            new UndecodableRecord(
                new RecordPosition("meshfed.desired.east", 0, 10), "the record has no key"));
  }

  private static ConsumerRecord<byte[], byte[]> raw(long offset, byte[] key, byte[] value) {
    return new ConsumerRecord<>(SPEC.name(), 0, offset, key, value);
  }

  private static byte[] encodeKey(DesiredKey key) {
    return SPEC.keySerde().serializer().serialize(SPEC.name(), key);
  }

  private static byte[] encodeValue(DesiredObject value) {
    return SPEC.valueSerde().serializer().serialize(SPEC.name(), value);
  }
}
