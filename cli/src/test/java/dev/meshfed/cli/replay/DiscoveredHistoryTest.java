package dev.meshfed.cli.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.schema.discovery.DiscoveredObject;
import dev.meshfed.schema.discovery.DiscoveryKey;
import dev.meshfed.schema.discovery.NamespaceState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiscoveredHistoryTest {

  private static final Instant T1 = Instant.parse("2026-11-22T14:00:00Z");
  private static final Instant T2 = T1.plusSeconds(60);
  private static final Instant NOW = T2.plusSeconds(60);

  private static final DiscoveryKey A = new DiscoveryKey("Namespace", "", "a");
  private static final DiscoveryKey B = new DiscoveryKey("Namespace", "", "b");

  private static final DiscoveredHistory HISTORY =
      new DiscoveredHistory(
          List.of(
              record(A, namespace("1"), T1, 0),
              record(B, namespace("1"), T1, 1),
              record(A, null, T2, 2),
              record(B, namespace("2"), T2, 3)),
          0);

  @Test
  void eachKeyIsItsLatestRecordAtOrBeforeTheInstantTombstonesRemoving() {
    assertThat(HISTORY.stateAt(T1)).containsOnlyKeys(A, B);
    assertThat(HISTORY.stateAt(T2)).containsOnlyKeys(B);
    assertThat(HISTORY.stateAt(T2).get(B).getUid()).isEqualTo("2");
    assertThat(HISTORY.stateAt(T1.minusMillis(1))).isEmpty();
  }

  @Test
  void aTopicThatStartsLaterIsNoLimitOfARecompute() {
    assertThat(HISTORY.coverage(T1.minusSeconds(1)).inputLimits("cluster1", T1, NOW)).isEmpty();
  }

  @Test
  void deletedHeadRecordsAndCompactionAreLimits() {
    DiscoveredHistory truncated = new DiscoveredHistory(HISTORY.records(), 5);
    Instant later = NOW.plus(Duration.ofDays(8));

    assertThat(truncated.coverage(T2).inputLimits("cluster1", T2, later))
        .containsExactly(
            "inputs of cluster cluster1: the first 5 records of meshfed.discovered.cluster1 were"
                + " deleted; an input only they held is missing from the recompute",
            "inputs of cluster cluster1: compaction may have folded changes older than "
                + later.minus(Duration.ofDays(7))
                + "; an input that changed after "
                + T2
                + " may be missing from the recompute");
  }

  private static DiscoveredObject namespace(String uid) {
    return DiscoveredObject.newBuilder()
        .setApiVersion("v1")
        .setUid(uid)
        .setPayload(new NamespaceState(Map.of()))
        .build();
  }

  private static DiscoveredRecord record(
      DiscoveryKey key, DiscoveredObject value, Instant at, long offset) {
    return new DiscoveredRecord(key, value, at.toEpochMilli(), offset);
  }
}
