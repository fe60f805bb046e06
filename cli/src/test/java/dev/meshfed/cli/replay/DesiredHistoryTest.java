package dev.meshfed.cli.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DesiredHistoryTest {

  private static final Instant T1 = Instant.parse("2026-11-22T14:00:00Z");
  private static final Instant T2 = T1.plusSeconds(60);
  private static final Instant T3 = T2.plusSeconds(60);
  private static final Instant NOW = T3.plusSeconds(60);

  private static final DesiredHistory HISTORY =
      new DesiredHistory(
          List.of(
              record("a", "{\"a\":1}", T1, 0),
              record("b", "{\"b\":1}", T1, 1),
              record("b", "{\"b\":2}", T2, 2),
              record("a", null, T2, 3),
              record("c", "{\"c\":1}", T3, 4)),
          0);

  @Test
  void eachKeyIsItsLatestRecordAtOrBeforeTheInstant() {
    assertThat(HISTORY.stateAt(T1))
        .containsOnlyKeys("a", "b")
        .hasEntrySatisfying("b", r -> assertThat(r.manifest()).isEqualTo("{\"b\":1}"));
    assertThat(HISTORY.stateAt(T2.minusMillis(1)).get("b").offset()).isEqualTo(1);
    assertThat(HISTORY.stateAt(T2).get("b").manifest()).isEqualTo("{\"b\":2}");
  }

  @Test
  void tombstonesRemoveTheirKey() {
    assertThat(HISTORY.stateAt(T2)).containsOnlyKeys("b");
    assertThat(HISTORY.stateAt(T3)).containsOnlyKeys("b", "c");
  }

  @Test
  void recordsAfterTheInstantAreIgnored() {
    assertThat(HISTORY.stateAt(T1.minusMillis(1))).isEmpty();
    assertThat(HISTORY.stateAt(T3.minusMillis(1))).doesNotContainKey("c");
  }

  @Test
  void theLatestOffsetWinsOverAnEarlierOffsetWithALaterTimestamp() {
    // a producer stamps records with its input's time, so timestamps need not grow with offsets
    DesiredHistory history =
        new DesiredHistory(
            List.of(record("a", "{\"v\":1}", T2, 0), record("a", "{\"v\":2}", T1, 1)), 0);

    assertThat(history.stateAt(T2).get("a").manifest()).isEqualTo("{\"v\":2}");
  }

  @Test
  void coverageCountsTheRecordsAtOrBeforeTheInstant() {
    assertThat(HISTORY.coverage(T2)).isEqualTo(new Coverage(T1, 4, 0));
    assertThat(HISTORY.coverage(T1.minusMillis(1)).knowsAnything()).isFalse();
  }

  @Test
  void anEmptyTopicWasNeverPublished() {
    Coverage coverage = new DesiredHistory(List.of(), 0).coverage(T1);

    assertThat(coverage.knowsAnything()).isFalse();
    assertThat(coverage.limits("cluster1", T1, NOW))
        .containsExactly("cluster cluster1: nothing was ever published");
  }

  @Test
  void aTopicWhoseRecordsWereAllDeletedSaysSo() {
    assertThat(new DesiredHistory(List.of(), 7).coverage(T1).limits("cluster1", T1, NOW))
        .containsExactly(
            "cluster cluster1: all 7 records were deleted from the topic; nothing is known");
  }

  @Test
  void beforeTheFirstRecordNothingIsKnown() {
    assertThat(HISTORY.coverage(T1.minusSeconds(1)).limits("cluster1", T1.minusSeconds(1), NOW))
        .containsExactly(
            "cluster cluster1: the topic's history starts at 2026-11-22T14:00:00Z;"
                + " nothing is known before it");
  }

  @Test
  void beforeTheFirstRemainingRecordOfATruncatedTopicNothingIsKnown() {
    DesiredHistory truncated = new DesiredHistory(List.of(record("a", "{}", T1, 5)), 5);

    assertThat(truncated.coverage(T1.minusSeconds(1)).limits("c", T1.minusSeconds(1), NOW))
        .containsExactly(
            "cluster c: the topic's history starts at 2026-11-22T14:00:00Z (5 earlier records"
                + " were deleted); nothing is known before it");
  }

  @Test
  void afterTheFirstRemainingRecordOfATruncatedTopicWhatWasDeletedIsNamed() {
    DesiredHistory truncated = new DesiredHistory(List.of(record("a", "{}", T1, 5)), 5);

    assertThat(truncated.coverage(T2).limits("c", T2, NOW))
        .containsExactly(
            "cluster c: 5 records before 2026-11-22T14:00:00Z were deleted from the topic; an"
                + " object last written before then is missing");
  }

  @Test
  void withinTheAuditWindowNothingIsMissing() {
    assertThat(HISTORY.coverage(T2).limits("cluster1", T2, NOW)).isEmpty();
  }

  @Test
  void beyondTheAuditWindowCompactionMayHaveFoldedChanges() {
    Instant later = T3.plus(Duration.ofDays(8));

    assertThat(HISTORY.coverage(T2).limits("cluster1", T2, later))
        .containsExactly(
            "cluster cluster1: compaction may have folded changes older than"
                + " 2026-11-23T14:02:00Z; what is shown is each object's latest record at or"
                + " before 2026-11-22T14:01:00Z that survived compaction");
  }

  private static DesiredRecord record(String key, String manifest, Instant at, long offset) {
    return new DesiredRecord(key, manifest, at.toEpochMilli(), offset);
  }
}
