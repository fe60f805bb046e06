package dev.meshfed.translation.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.translate.UnitId;
import dev.meshfed.translation.translate.UnitSummary;
import dev.meshfed.translation.translate.WrittenObject;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

class UnitSummariesTest {

  private static final UnitId REVIEWS =
      UnitId.service(new ObjectId("c1", "Service", "bookinfo", "reviews"));
  private static final UnitId RATINGS =
      UnitId.service(new ObjectId("c1", "Service", "bookinfo", "ratings"));

  private final KeyValueStore<String, String> store = InMemoryStores.strings("units");

  @Test
  void aSummaryWrittenIsStoredAndComparedUnchanged() {
    UnitSummaries summaries = new UnitSummaries(store);

    summaries.write(REVIEWS, summary("a", "b"));

    assertThat(UnitSummaryCodec.decode(store.get(REVIEWS.key()))).isEqualTo(summary("a", "b"));
    assertThat(summaries.changedFrom(REVIEWS, summary("a", "b"))).isEmpty();
    assertThat(summaries.changedFrom(REVIEWS, summary("a", "c"))).contains(summary("a", "b"));
  }

  @Test
  void aRecentSummaryIsComparedInMemoryWithoutReadingTheStore() {
    UnitSummaries summaries = new UnitSummaries(store);
    summaries.write(REVIEWS, summary("a"));
    store.put(REVIEWS.key(), "not read");

    assertThat(summaries.changedFrom(REVIEWS, summary("a"))).isEmpty();
    assertThat(summaries.lastWritten(REVIEWS)).isEqualTo(summary("a"));
  }

  @Test
  void aNewInstanceReadsWhatTheStoreHolds() {
    new UnitSummaries(store).write(REVIEWS, summary("a"));

    UnitSummaries restarted = new UnitSummaries(store);

    assertThat(restarted.changedFrom(REVIEWS, summary("a"))).isEmpty();
    assertThat(restarted.changedFrom(RATINGS, summary("a"))).contains(UnitSummary.EMPTY);
    assertThat(restarted.storedUnits()).containsExactly(REVIEWS);
  }

  @Test
  void theCacheHoldsNoMoreObjectsThanItIsSizedFor() {
    UnitSummaries summaries = new UnitSummaries(store, 10);
    summaries.write(REVIEWS, summary("a", "b", "c", "d"));
    summaries.write(RATINGS, summary("e", "f", "g", "h", "i", "j"));
    store.put(REVIEWS.key(), UnitSummaryCodec.encode(summary("stored")));
    store.put(RATINGS.key(), UnitSummaryCodec.encode(summary("stored")));

    long readFromTheStore =
        Stream.of(
                summaries.changedFrom(REVIEWS, summary("a", "b", "c", "d")),
                summaries.changedFrom(RATINGS, summary("e", "f", "g", "h", "i", "j")))
            .filter(before -> before.equals(Optional.of(summary("stored"))))
            .count();

    assertThat(readFromTheStore).isEqualTo(1);
  }

  @Test
  void anEmptySummaryDeletesTheUnitAndItsCachedSummary() {
    UnitSummaries summaries = new UnitSummaries(store);
    summaries.write(REVIEWS, summary("a"));

    summaries.write(REVIEWS, UnitSummary.EMPTY);

    assertThat(store.get(REVIEWS.key())).isNull();
    assertThat(summaries.storedUnits()).isEmpty();
    assertThat(summaries.changedFrom(REVIEWS, UnitSummary.EMPTY)).isEmpty();
    assertThat(summaries.changedFrom(REVIEWS, summary("a"))).contains(UnitSummary.EMPTY);
  }

  private static UnitSummary summary(String... digests) {
    List<WrittenObject> objects =
        IntStream.range(0, digests.length)
            .mapToObj(
                i ->
                    new WrittenObject(
                        "c2",
                        "networking.istio.io/v1",
                        "DestinationRule",
                        "bookinfo",
                        "rule-" + i,
                        digests[i],
                        null))
            .toList();
    return new UnitSummary(objects, List.of(), List.of());
  }
}
