package dev.meshfed.schema.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshfed.schema.ObjectRef;
import dev.meshfed.schema.discovery.DiscoveredObject;
import dev.meshfed.schema.discovery.ServicePort;
import dev.meshfed.schema.discovery.ServiceState;
import dev.meshfed.schema.events.EventKey;
import dev.meshfed.schema.events.FederationEvent;
import dev.meshfed.schema.events.HostFederated;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.avro.message.MissingSchemaException;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class AvroSerdeTest {

  /** A made-up FederationEvent older than every released one: see the file's doc. */
  private static final Schema FEDERATION_EVENT_V0 =
      SingleObjects.schema("/old-versions/FederationEvent/v0.avsc");

  private final AvroSerde<DiscoveredObject> serde = new AvroSerde<>(DiscoveredObject.class);

  @Test
  void roundTripsAUnionPayload() {
    DiscoveredObject service =
        DiscoveredObject.newBuilder()
            .setApiVersion("v1")
            .setUid("u-1")
            .setPayload(
                ServiceState.newBuilder()
                    .setSelector(Map.of("app", "reviews"))
                    .setPorts(
                        List.of(ServicePort.newBuilder().setName("http").setPort(9080).build()))
                    .build())
            .build();

    byte[] bytes = serde.serialize("t", service);

    assertThat(serde.deserialize("t", bytes)).isEqualTo(service);
  }

  @Test
  void writesTheBytesAvrosOwnSingleObjectEncoderWrites() {
    Map<String, String> selector = new TreeMap<>();
    for (int n = 0; n < 500; n++) {
      selector.put("label-" + n, "value-" + n);
    }
    DiscoveredObject large =
        DiscoveredObject.newBuilder()
            .setApiVersion("v1")
            .setUid("u-1")
            .setPayload(ServiceState.newBuilder().setSelector(selector).setPorts(List.of()).build())
            .build();

    byte[] bytes = serde.serialize("t", large);

    assertThat(bytes.length).as("past the encoder's 2 KB buffer").isGreaterThan(4096);
    assertThat(bytes).isEqualTo(SingleObjects.encode(DiscoveredObject.getClassSchema(), large));
    assertThat(serde.serialize("t", large)).as("with the thread's encoder reused").isEqualTo(bytes);
  }

  @Test
  void sharesOneSerdePerRecordClassThatDecodesWhatAnyOtherWrote() {
    EventKey key = new EventKey("a.b.svc.c1.global");

    byte[] bytes = AvroSerde.of(EventKey.class).serialize("t", key);

    assertThat(AvroSerde.of(EventKey.class)).isSameAs(AvroSerde.of(EventKey.class));
    assertThat(AvroSerde.of(DiscoveredObject.class)).isNotSameAs(AvroSerde.of(EventKey.class));
    assertThat(new AvroSerde<>(EventKey.class).deserialize("t", bytes)).isEqualTo(key);
    assertThat(Topics.discovered("c1").keySerde()).isSameAs(Topics.discovered("c2").keySerde());
  }

  @Test
  void keepsTombstonesNull() {
    assertThat(serde.serialize("t", null)).isNull();
    assertThat(serde.deserialize("t", null)).isNull();
  }

  @Test
  void rejectsBytesThatAreNotAvroSingleObjects() {
    assertThatThrownBy(() -> serde.deserialize("t", new byte[] {1, 2, 3}))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("topic t");
  }

  @Test
  void startsEachRecordWithTheDocumentedHeader() {
    byte[] bytes =
        new AvroSerde<>(EventKey.class).serialize("t", new EventKey("a.b.svc.c1.global"));

    long fingerprint = SchemaNormalization.parsingFingerprint64(EventKey.getClassSchema());
    byte[] header =
        ByteBuffer.allocate(10)
            .order(ByteOrder.LITTLE_ENDIAN)
            .put((byte) 0xC3)
            .put((byte) 0x01)
            .putLong(fingerprint)
            .array();
    assertThat(Arrays.copyOf(bytes, 10)).isEqualTo(header);
  }

  @Test
  void decodesWhatAnOlderSchemaVersionWroteIntoTheCurrentClass() {
    byte[] written = SingleObjects.encode(FEDERATION_EVENT_V0, hostFederatedV0());
    AvroSerde<FederationEvent> reader =
        new AvroSerde<>(FederationEvent.class, List.of(FEDERATION_EVENT_V0));

    FederationEvent event = reader.deserialize("meshfed.events", written);

    assertThat(event.getMessage()).isEqualTo("federated");
    assertThat(event.getEvent())
        .isEqualTo(
            HostFederated.newBuilder()
                .setHost("reviews.bookinfo.svc.cluster1.global")
                .setWorkspace("bookinfo")
                .setSourceCluster("cluster1")
                .setTargetCluster("cluster2")
                .setObject(new ObjectRef("cluster2", "ServiceEntry", "istio-system", "se"))
                .setInputs(List.of()) // the field v0 lacked takes its default
                .build());
  }

  @Test
  void namesAnUnknownWriterSchemaAndAsksForANewerOne() {
    byte[] written = SingleObjects.encode(FEDERATION_EVENT_V0, hostFederatedV0());
    String fingerprint =
        String.format("0x%016x", SchemaNormalization.parsingFingerprint64(FEDERATION_EVENT_V0));

    assertThatThrownBy(
            () -> new AvroSerde<>(FederationEvent.class).deserialize("meshfed.events", written))
        .isInstanceOf(SerializationException.class)
        .hasCauseInstanceOf(MissingSchemaException.class)
        .hasMessageContaining("topic meshfed.events")
        .hasMessageContaining("FederationEvent schema")
        .hasMessageContaining(fingerprint)
        .hasMessageContaining("A newer meshfed schema is needed");
  }

  @Test
  void namesClusterTopicsAndReadsTheClusterBack() {
    assertThat(Topics.discovered("cluster1").name()).isEqualTo("meshfed.discovered.cluster1");
    assertThat(Topics.clusterOfDiscovered("meshfed.discovered.cluster-2")).contains("cluster-2");
    assertThat(Topics.clusterOfDiscovered("meshfed.desired.cluster1")).isEmpty();
    assertThatThrownBy(() -> Topics.desired("Bad_Name"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static GenericRecord hostFederatedV0() {
    Schema hostFederated = FEDERATION_EVENT_V0.getField("event").schema().getTypes().get(0);
    Schema objectRef = hostFederated.getField("object").schema();
    GenericRecord object =
        new GenericRecordBuilder(objectRef)
            .set("cluster", "cluster2")
            .set("kind", "ServiceEntry")
            .set("namespace", "istio-system")
            .set("name", "se")
            .build();
    GenericRecord event =
        new GenericRecordBuilder(hostFederated)
            .set("host", "reviews.bookinfo.svc.cluster1.global")
            .set("workspace", "bookinfo")
            .set("sourceCluster", "cluster1")
            .set("targetCluster", "cluster2")
            .set("object", object)
            .build();
    return new GenericRecordBuilder(FEDERATION_EVENT_V0)
        .set("message", "federated")
        .set("event", event)
        .build();
  }
}
