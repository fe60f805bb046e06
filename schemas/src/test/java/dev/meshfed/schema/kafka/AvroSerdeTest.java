package dev.meshfed.schema.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshfed.schema.discovery.DiscoveredObject;
import dev.meshfed.schema.discovery.ServicePort;
import dev.meshfed.schema.discovery.ServiceState;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class AvroSerdeTest {

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
  void namesClusterTopicsAndReadsTheClusterBack() {
    assertThat(Topics.discovered("cluster1").name()).isEqualTo("meshfed.discovered.cluster1");
    assertThat(Topics.clusterOfDiscovered("meshfed.discovered.cluster-2")).contains("cluster-2");
    assertThat(Topics.clusterOfDiscovered("meshfed.desired.cluster1")).isEmpty();
    assertThatThrownBy(() -> Topics.desired("Bad_Name"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
