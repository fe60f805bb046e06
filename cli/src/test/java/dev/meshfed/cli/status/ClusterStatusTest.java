package dev.meshfed.cli.status;

import static dev.meshfed.cli.status.StatusFixtures.NOW;
import static dev.meshfed.cli.status.StatusFixtures.agent;
import static dev.meshfed.cli.status.StatusFixtures.applyFailed;
import static dev.meshfed.cli.status.StatusFixtures.cluster;
import static dev.meshfed.cli.status.StatusFixtures.controlPlane;
import static dev.meshfed.cli.status.StatusFixtures.deleted;
import static dev.meshfed.cli.status.StatusFixtures.desired;
import static dev.meshfed.cli.status.StatusFixtures.namespace;
import static dev.meshfed.cli.status.StatusFixtures.service;
import static dev.meshfed.cli.status.StatusFixtures.tombstone;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ClusterStatusTest {

  private static final Instant T1 = NOW.minusSeconds(300);
  private static final Instant T2 = NOW.minusSeconds(200);
  private static final Instant T3 = NOW.minusSeconds(100);

  @Test
  void countsWhatTheTopicsHoldNowAndShowsItsControlPlanes() {
    ClusterStatus status =
        ClusterStatus.of(
            cluster(
                "cluster1",
                List.of(
                    namespace("bookinfo", T1),
                    namespace("istio-system", T1),
                    service("reviews", T1),
                    service("ratings", T1),
                    controlPlane("istiod-1-11", "1.11.7", T1),
                    controlPlane("istiod-1-24", "1.24.1", T1),
                    controlPlane("istiod-dev", null, T1),
                    deleted(service("ratings", T1), T2),
                    agent(T2)),
                List.of(
                    desired("a.global", "w", 0),
                    desired("b.global", "w", 1),
                    tombstone("a.global", 2)),
                List.of()),
            true);

    assertThat(status.joined()).isTrue();
    assertThat(status.namespaces()).isEqualTo(2);
    assertThat(status.services()).isEqualTo(1);
    assertThat(status.desiredObjects()).isEqualTo(1);
    assertThat(status.istioVersions()).containsExactly("1.11.7", "1.24.1", "unknown");
  }

  @Test
  void hasNotJoinedWithoutAnAgentRecordOrOnceItIsWithdrawn() {
    assertThat(
            ClusterStatus.of(cluster("c", List.of(namespace("a", T1)), List.of(), List.of()), true)
                .joined())
        .isFalse();
    assertThat(
            ClusterStatus.of(
                    cluster("c", List.of(agent(T1), deleted(agent(T1), T2)), List.of(), List.of()),
                    true)
                .joined())
        .isFalse();
  }

  @Test
  void lastSeenIsTheNewestRecordOfTheDiscoveredOrAppliedTopic() {
    assertThat(
            ClusterStatus.of(
                    cluster(
                        "c",
                        List.of(namespace("a", T2), namespace("b", T1)),
                        List.of(),
                        List.of(applyFailed("c", "x", "forbidden", T3))),
                    true)
                .lastSeen())
        .isEqualTo(T3);
    assertThat(ClusterStatus.of(cluster("c", List.of(), List.of(), List.of()), true).lastSeen())
        .isNull();
  }

  @Test
  void translationLagIsWhatTheGroupHasNotCommitted() {
    assertThat(new TranslationProgress(0, 10, 7L).lag(true)).isEqualTo(OptionalLong.of(3));
    assertThat(new TranslationProgress(0, 10, 10L).lag(true)).isEqualTo(OptionalLong.of(0));
  }

  @Test
  void aTopicTheGroupHasNotCommittedIsLaggingByAllItHolds() {
    assertThat(new TranslationProgress(4, 10, null).lag(true)).isEqualTo(OptionalLong.of(6));
  }

  @Test
  void translationLagIsUnknownWhenTheGroupHasNoOffsetsAtAll() {
    assertThat(new TranslationProgress(0, 10, null).lag(false)).isEmpty();
  }
}
