package dev.meshfed.oracle.mesh;

import static dev.meshfed.oracle.mesh.MeshFixture.shares;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Kubernetes Services select the WorkloadEntries of their namespace while istiod's
 * PILOT_ENABLE_K8S_SELECT_WORKLOAD_ENTRIES is on: in grouped federation's worked example,
 * cluster1's WorkloadEntry for cluster2's gateway (labels app: reviews, version: v3) matches the
 * reviews Service's selector.
 */
class WorkloadEntriesTest {

  private static final String SELECT = "PILOT_ENABLE_K8S_SELECT_WORKLOAD_ENTRIES";
  private static final String REVIEWS = "reviews.bookinfo.svc.cluster.local";
  private static final String V1 = "cluster1/bookinfo/reviews-v1-0";
  private static final String V2 = "cluster1/bookinfo/reviews-v2-0";

  private static Route reviewsFromProductpage(MeshFixture fixture) {
    return fixture.oracle().route(Request.from("cluster1", "bookinfo", REVIEWS, 9080));
  }

  /**
   * With the flag unset (true) the Service gets the entry at {@code ports[http]}, cluster2's
   * gateway; the entry has no tlsMode and no DestinationRule covers the Service, so auto-mTLS sends
   * that third in plaintext, which the AUTO_PASSTHROUGH listener closes.
   */
  @Test
  void byDefaultTheServiceAlsoSendsAShareToTheEntrysGatewayInPlaintext() {
    Route route =
        reviewsFromProductpage(MeshFixture.groupedFederation().istiodEnv("cluster1", SELECT, null));

    assertThat(shares(route)).isEqualTo(Map.of(V1, 0.333, V2, 0.333));
    assertThat(route.reasons()).containsExactly(Reason.PLAINTEXT_AT_GATEWAY);
    assertThat(route.blocked().get(0).share()).isEqualTo(1.0 / 3);
    assertThat(route.blocked().get(0).detail())
        .contains("cluster2/istio-system/istio-eastwestgateway");
  }

  @ParameterizedTest
  @ValueSource(strings = {"false", "0", "F", "False"})
  void switchedOffTheServiceHasOnlyItsPods(String off) {
    Route route =
        reviewsFromProductpage(MeshFixture.groupedFederation().istiodEnv("cluster1", SELECT, off));

    assertThat(route.reachable()).as(route.toString()).isTrue();
    assertThat(shares(route)).isEqualTo(Map.of(V1, 0.5, V2, 0.5));
  }

  @ParameterizedTest
  @ValueSource(strings = {"true", "1", "yes"})
  void anyOtherValueLeavesItOn(String value) {
    Route route =
        reviewsFromProductpage(
            MeshFixture.groupedFederation().istiodEnv("cluster1", SELECT, value));

    assertThat(route.reasons()).containsExactly(Reason.PLAINTEXT_AT_GATEWAY);
  }

  @Test
  void theFlagDoesNotConcernServiceEntries() {
    Route route =
        MeshFixture.groupedFederation()
            .scale("cluster1", "reviews-v1", 0)
            .scale("cluster1", "reviews-v2", 0)
            .oracle()
            .route(Request.from("cluster1", "bookinfo", "reviews.global", 9080));

    assertThat(route.backends()).containsExactly("cluster2/bookinfo/reviews-v3-0");
  }

  @Test
  void anEntryWithAHostnameAddressIsForServiceEntriesOnly() {
    MeshFixture fixture =
        MeshFixture.groupedFederation()
            .istiodEnv("cluster1", SELECT, null)
            .edit(
                "cluster1",
                "WorkloadEntry",
                "vd-reviews-global-cluster2-v3",
                entry ->
                    ((ObjectNode) entry.path("spec")).put("address", "eastwest.cluster2.example"));

    assertThat(reviewsFromProductpage(fixture).reachable()).isTrue();
  }

  private static JsonNode entryPorts(String ports) throws Exception {
    return new ObjectMapper().readTree("{\"ports\": " + ports + "}");
  }

  @Test
  void aNumericTargetPortMapsThroughTheEntrysPortsByTheServicePortsName() throws Exception {
    MeshPort http = new MeshPort(9080, "http", "HTTP", "9080");

    assertThat(WorkloadEntries.kubernetesPort(entryPorts("{\"http\": 15443}"), http))
        .isEqualTo(OptionalInt.of(15443));
    assertThat(WorkloadEntries.kubernetesPort(entryPorts("{\"grpc\": 15443}"), http))
        .isEqualTo(OptionalInt.of(9080));
  }

  @Test
  void aNamedTargetPortNeedsThatNameInTheEntrysPorts() throws Exception {
    MeshPort named = new MeshPort(9080, "http", "HTTP", "app");

    assertThat(WorkloadEntries.kubernetesPort(entryPorts("{\"app\": 8080}"), named))
        .isEqualTo(OptionalInt.of(8080));
    assertThat(WorkloadEntries.kubernetesPort(entryPorts("{\"http\": 15443}"), named)).isEmpty();
  }
}
