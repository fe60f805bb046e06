package dev.meshfed.cli.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshfed.schema.events.FederationEvent;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventFormatTest {

  private static final long AT = Instant.parse("2026-11-22T14:00:00Z").toEpochMilli();
  private final FederationEvent reviews =
      Events.federated("reviews.bookinfo.svc.cluster1.global", "bookinfo", "cluster1", "cluster2");

  @Test
  void jsonIsOneObjectPerEventWithEveryField() throws Exception {
    JsonNode json = new ObjectMapper().readTree(EventFormat.JSON.format(AT, reviews));

    assertThat(json.get("time").asText()).isEqualTo("2026-11-22T14:00:00Z");
    assertThat(json.get("type").asText()).isEqualTo("HOST_FEDERATED");
    assertThat(json.get("targetCluster").asText()).isEqualTo("cluster2");
    assertThat(json.get("inputs").get(0).asText()).isEqualTo("cluster1/Service/bookinfo/reviews");
    assertThat(EventFormat.JSON.format(AT, reviews)).doesNotContain("\n");
  }

  @Test
  void yamlIsOneDocumentPerEvent() {
    assertThat(EventFormat.YAML.format(AT, reviews))
        .startsWith("---\n")
        .contains("host: reviews.bookinfo.svc.cluster1.global");
  }

  @Test
  void aTableLineNamesTheInputWhenThereIsNoHost() {
    assertThat(EventFormat.TABLE.format(AT, Events.rejected("cluster1", "no workspace")))
        .contains("INPUT_REJECTED")
        .contains("cluster1/WorkspaceSettings/other/stray")
        .contains("cluster1 -> -")
        .endsWith("no workspace");
  }
}
