package dev.meshfed.schema.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopicsTest {

  private static final String SEVEN_DAYS = String.valueOf(Duration.ofDays(7).toMillis());

  @Test
  void stateTopicsKeepEveryChangeForTheAuditWindow() {
    for (TopicSpec<?, ?> topic : List.of(Topics.discovered("c1"), Topics.desired("c1"))) {
      assertThat(topic.configs())
          .as(topic.name())
          .containsEntry("cleanup.policy", "compact")
          .containsEntry("min.compaction.lag.ms", SEVEN_DAYS)
          .containsEntry("delete.retention.ms", SEVEN_DAYS);
    }
  }

  @Test
  void eventsAreALogNotAState() {
    for (TopicSpec<?, ?> topic :
        List.of(Topics.events(), Topics.applied("c1"), Topics.applyFailures("c1"))) {
      assertThat(topic.configs())
          .as(topic.name())
          .containsEntry("cleanup.policy", "delete")
          .containsEntry("retention.ms", String.valueOf(Duration.ofDays(30).toMillis()));
    }
  }

  @Test
  void aClusterHasItsDiscoveredDesiredAndAppliedTopics() {
    assertThat(Topics.clusterTopics("c1"))
        .extracting(TopicSpec::name)
        .containsExactly(
            "meshfed.discovered.c1",
            "meshfed.desired.c1",
            "meshfed.applied.c1",
            "meshfed.apply-failures.c1",
            "meshfed.status.c1");
    assertThat(Topics.status("c1").writer()).isEqualTo("translation-service");
    assertThat(Topics.clusterOfApplied("meshfed.applied.c1")).contains("c1");
    assertThat(Topics.clusterOfApplied("meshfed.desired.c1")).isEmpty();
    assertThat(Topics.clusterOfApplied("meshfed.apply-failures.c1")).isEmpty();
    assertThat(Topics.clusterOfApplyFailures("meshfed.apply-failures.c1")).contains("c1");
    assertThat(Topics.clusterOfApplyFailures("meshfed.applied.c1")).isEmpty();
  }

  @Test
  void everyTopicNamesItsOneWriter() {
    assertThat(Topics.discovered("c").writer()).isEqualTo("discovery-service");
    assertThat(Topics.desired("c").writer()).isEqualTo("translation-service");
    assertThat(Topics.events().writer()).isEqualTo("translation-service");
    assertThat(Topics.applied("c").writer()).isEqualTo("distribution-service");
    assertThat(Topics.applyFailures("c").writer()).isEqualTo("distribution-service");
  }
}
