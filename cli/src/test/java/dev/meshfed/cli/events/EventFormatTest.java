package dev.meshfed.cli.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshfed.schema.events.ClusterConverged;
import dev.meshfed.schema.events.FederationEvent;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventFormatTest {

  private static final long AT = Instant.parse("2026-11-22T14:00:00Z").toEpochMilli();
  private final EventView reviews =
      Events.view(
          AT,
          Events.federated(
              "reviews.bookinfo.svc.cluster1.global", "bookinfo", "cluster1", "cluster2"));

  @Test
  void jsonIsOneObjectPerEventWithTheTypeAndItsFields() throws Exception {
    JsonNode json = new ObjectMapper().readTree(EventFormat.JSON.format(reviews));

    assertThat(json.get("time").asText()).isEqualTo("2026-11-22T14:00:00Z");
    assertThat(json.get("type").asText()).isEqualTo("HostFederated");
    assertThat(json.get("targetCluster").asText()).isEqualTo("cluster2");
    assertThat(json.get("inputs").get(0).asText()).isEqualTo("cluster1/Service/bookinfo/reviews");
    assertThat(json.get("message").asText()).contains("federated into cluster2");
    assertThat(EventFormat.JSON.format(reviews)).doesNotContain("\n");
  }

  @Test
  void yamlIsOneDocumentPerEvent() {
    assertThat(EventFormat.YAML.format(reviews))
        .startsWith("---\n")
        .contains("host: reviews.bookinfo.svc.cluster1.global");
  }

  @Test
  void aTableLineNamesTheInputWhenThereIsNoHost() {
    assertThat(EventFormat.TABLE.format(Events.view(AT, Events.rejected("cluster1", "no ws"))))
        .contains("InputRejected")
        .contains("cluster1/WorkspaceSettings/other/stray")
        .contains("cluster1 -> -")
        .endsWith("no ws");
  }

  @Test
  void aConvergenceIsAboutTheClusterOfItsTopic() {
    EventView converged =
        new EventView(
            AT,
            "cluster2",
            new FederationEvent(
                "cluster2 holds its 3", new ClusterConverged(3, 3L, 0L, 0L, 7L, 0)));

    assertThat(EventFormat.TABLE.format(converged))
        .containsPattern("ClusterConverged +cluster2 +- -> cluster2");
  }

  @Test
  void anApplyEventSpeaksForTheClusterOfItsTopic() throws Exception {
    EventView failed = new EventView(AT, "cluster2", Events.applyFailed("x", "forbidden"));

    assertThat(EventFormat.TABLE.format(failed))
        .contains("ApplyFailed", "cluster2/ServiceEntry/istio-system/x", "- -> cluster2");
    JsonNode json = new ObjectMapper().readTree(EventFormat.JSON.format(failed));
    assertThat(json.get("cluster").asText()).isEqualTo("cluster2");
    assertThat(json.get("action").asText()).isEqualTo("APPLY");
    assertThat(json.get("error").asText()).isEqualTo("forbidden");
  }
}
