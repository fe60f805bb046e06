package dev.meshfed.discovery.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.schema.DiscoveredKinds;
import dev.meshfed.schema.discovery.EndpointSliceState;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EndpointSliceMapperTest {

  @Test
  void countsReadyAndNotReadyEndpointsAndTheZonesOfTheReadyOnes() {
    EndpointSlice slice =
        slice(
            endpoint("10.0.0.1", true, "zone-b"),
            endpoint("10.0.0.2", true, "zone-a"),
            endpoint("10.0.0.3", true, "zone-b"),
            endpoint("10.0.0.4", false, "zone-c"));

    Mapping mapping = EndpointSliceMapper.map(slice);

    assertThat(mapping.problems()).isEmpty();
    Write write = mapping.writes().get(0);
    assertThat(write.key())
        .isEqualTo(Keys.of(DiscoveredKinds.ENDPOINT_SLICE, "bookinfo", "reviews-x7k2p"));
    assertThat(write.value().getApiVersion()).isEqualTo("discovery.k8s.io/v1");
    assertThat(write.value().getPayload())
        .isEqualTo(new EndpointSliceState("reviews", 3, 1, List.of("zone-a", "zone-b")));
  }

  @Test
  void anUnsetReadyConditionMeansReady() {
    Endpoint noConditions = new EndpointBuilder().withAddresses("10.0.0.1").build();
    Endpoint noReady =
        new EndpointBuilder()
            .withAddresses("10.0.0.2")
            .withNewConditions()
            .withServing(true)
            .endConditions()
            .build();

    assertThat(state(slice(noConditions, noReady)))
        .isEqualTo(new EndpointSliceState("reviews", 2, 0, List.of()));
  }

  @Test
  void zonesOfEndpointsThatAreNotReadyAreLeftOut() {
    assertThat(state(slice(endpoint("10.0.0.1", false, "zone-a"))))
        .isEqualTo(new EndpointSliceState("reviews", 0, 1, List.of()));
  }

  @Test
  void aSliceWithoutEndpointsOrServiceLabel() {
    EndpointSlice empty =
        new EndpointSliceBuilder()
            .withMetadata(Fixtures.metadata("bookinfo", "orphan", Map.of()))
            .withAddressType("IPv4")
            .build();

    assertThat(state(empty)).isEqualTo(new EndpointSliceState(null, 0, 0, List.of()));
  }

  @Test
  void aPodReplacedInTheSameZoneMapsToAnEqualRecord() {
    EndpointSlice before = slice(endpoint("10.0.0.1", true, "zone-a"));
    EndpointSlice after =
        new EndpointSliceBuilder(slice(endpoint("10.0.0.9", true, "zone-a")))
            .editMetadata()
            .withResourceVersion("77")
            .endMetadata()
            .build();

    assertThat(EndpointSliceMapper.map(after)).isEqualTo(EndpointSliceMapper.map(before));
  }

  private static EndpointSliceState state(EndpointSlice slice) {
    return (EndpointSliceState) EndpointSliceMapper.map(slice).writes().get(0).value().getPayload();
  }

  private static Endpoint endpoint(String address, boolean ready, String zone) {
    return new EndpointBuilder()
        .withAddresses(address)
        .withNewConditions()
        .withReady(ready)
        .endConditions()
        .withZone(zone)
        .build();
  }

  private static EndpointSlice slice(Endpoint... endpoints) {
    return new EndpointSliceBuilder()
        .withMetadata(
            Fixtures.metadata(
                "bookinfo", "reviews-x7k2p", Map.of("kubernetes.io/service-name", "reviews")))
        .withAddressType("IPv4")
        .withEndpoints(endpoints)
        .build();
  }
}
