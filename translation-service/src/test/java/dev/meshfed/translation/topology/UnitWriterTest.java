package dev.meshfed.translation.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.translate.FederationTranslator;
import dev.meshfed.translation.translate.GoldenCase;
import dev.meshfed.translation.translate.Membership;
import dev.meshfed.translation.translate.UnitId;
import dev.meshfed.translation.translate.UnitResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UnitWriterTest {

  private static final ObjectId REVIEWS =
      new ObjectId("cluster1", "Service", "bookinfo", "reviews");
  private static final UnitId UNIT = UnitId.service(REVIEWS);

  record Forwarded(String sink, Object key, Object value, long timestamp) {}

  private final KeyValueStore<String, String> units = InMemoryStores.strings("units");
  private final List<Forwarded> forwarded = new ArrayList<>();
  private MeshInputs mesh;
  private Membership membership;
  private UnitWriter writer;

  @BeforeEach
  void bookinfo() throws IOException {
    GoldenCase golden =
        GoldenCase.load(
            Path.of("..", "translation-core")
                .resolve(GoldenCase.CASES)
                .resolve("bookinfo")
                .resolve("input.yaml"));
    mesh = golden.mesh();
    membership = FederationTranslator.membership(mesh, golden.settings());
    writer =
        new UnitWriter(
            units,
            mesh,
            (sink, key, value, ts) -> forwarded.add(new Forwarded(sink, key, value, ts)));
  }

  @Test
  void writesAUnitsRecordsAndKeepsItsResult() {
    writer.recompute(UNIT, membership, 42);

    assertThat(forwarded)
        .extracting(Forwarded::sink)
        .contains(TranslationTopology.DESIRED_SINK, TranslationTopology.EVENTS_SINK);
    assertThat(forwarded).allSatisfy(f -> assertThat(f.timestamp()).isEqualTo(42));
    assertThat(writer.storedUnits()).containsExactly(UNIT);
  }

  @Test
  void aUnitThatComesOutAsBeforeWritesNothing() {
    writer.recompute(UNIT, membership, 1);
    forwarded.clear();

    writer.recompute(UNIT, membership, 2);

    assertThat(forwarded).isEmpty();
  }

  @Test
  void aUnitWhoseInputIsGoneTombstonesItsRecordsAndForgetsItsResult() {
    writer.recompute(UNIT, membership, 1);
    long written =
        forwarded.stream().filter(f -> f.sink().equals(TranslationTopology.DESIRED_SINK)).count();
    forwarded.clear();
    mesh.remove(REVIEWS);

    writer.recompute(UNIT, membership, 2);

    assertThat(forwarded)
        .filteredOn(f -> f.sink().equals(TranslationTopology.DESIRED_SINK))
        .hasSize((int) written)
        .allMatch(f -> f.value() == null);
    assertThat(writer.storedUnits()).isEmpty();
  }

  @Test
  void keepsEachObjectsDigestNotItsManifest() {
    writer.recompute(UNIT, membership, 1);

    assertThat(units.get(UNIT.key())).contains("\"digest\"").doesNotContain("\"manifest\"");
  }

  @Test
  void aWholeResultStoredByAnEarlierVersionIsDiffedAgainstNotRewritten() throws IOException {
    units.put(UNIT.key(), wholeResult(FederationTranslator.translate(UNIT, mesh, membership)));

    writer.recompute(UNIT, membership, 1);

    assertThat(forwarded).isEmpty();
    assertThat(units.get(UNIT.key())).doesNotContain("\"manifest\"");
  }

  @Test
  void aWholeResultStoredByAnEarlierVersionIsTombstonedWhenItsInputIsGone() throws IOException {
    UnitResult result = FederationTranslator.translate(UNIT, mesh, membership);
    units.put(UNIT.key(), wholeResult(result));
    mesh.remove(REVIEWS);

    writer.recompute(UNIT, membership, 1);

    assertThat(forwarded)
        .filteredOn(f -> f.sink().equals(TranslationTopology.DESIRED_SINK))
        .hasSize(result.outputs().size())
        .allMatch(f -> f.value() == null);
    assertThat(writer.storedUnits()).isEmpty();
  }

  /** How translation-service stored a unit before it kept summaries. */
  private static String wholeResult(UnitResult result) throws IOException {
    return new ObjectMapper().writeValueAsString(result);
  }
}
