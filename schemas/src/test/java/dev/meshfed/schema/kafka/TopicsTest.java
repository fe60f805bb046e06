package dev.meshfed.schema.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TopicsTest {

  private static final String SEVEN_DAYS = String.valueOf(Duration.ofDays(7).toMillis());

  @Test
  void stateTopicsKeepEveryChangeForTheAuditWindow() {
    for (TopicSpec<?, ?> topic : Topics.clusterTopics("cluster1")) {
      assertThat(topic.configs())
          .as(topic.name())
          .containsEntry("cleanup.policy", "compact")
          .containsEntry("min.compaction.lag.ms", SEVEN_DAYS)
          .containsEntry("delete.retention.ms", SEVEN_DAYS);
    }
  }

  @Test
  void eventsAreALogNotAState() {
    assertThat(Topics.events().configs())
        .containsEntry("cleanup.policy", "delete")
        .containsEntry("retention.ms", String.valueOf(Duration.ofDays(30).toMillis()));
  }

  @Test
  void everyTopicNamesItsOneWriter() {
    assertThat(Topics.discovered("c").writer()).isEqualTo("discovery-service");
    assertThat(Topics.desired("c").writer()).isEqualTo("translation-service");
    assertThat(Topics.events().writer()).isEqualTo("translation-service");
  }
}
