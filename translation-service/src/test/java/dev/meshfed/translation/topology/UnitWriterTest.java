package dev.meshfed.translation.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshfed.schema.events.FederationEvent;
import dev.meshfed.schema.events.TranslationFailed;
import dev.meshfed.schema.status.InputState;
import dev.meshfed.schema.status.InputStatus;
import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.translate.FederationTranslator;
import dev.meshfed.translation.translate.GoldenCase;
import dev.meshfed.translation.translate.Membership;
import dev.meshfed.translation.translate.StatusOutput;
import dev.meshfed.translation.translate.UnitId;
import dev.meshfed.translation.translate.UnitResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UnitWriterTest {

  private static final ObjectId REVIEWS =
      new ObjectId("cluster1", "Service", "bookinfo", "reviews");
  private static final UnitId UNIT = UnitId.service(REVIEWS);
  private static final ObjectId REVIEWS_VD_INPUT =
      new ObjectId("cluster1", "VirtualDestination", "bookinfo", "reviews");
  private static final UnitId REVIEWS_VD = UnitId.virtualDestination(REVIEWS_VD_INPUT);
  private static final Path CASES = Path.of("..", "translation-core").resolve(GoldenCase.CASES);

  record Forwarded(String sink, Object key, Object value, long timestamp) {}

  private final KeyValueStore<String, String> units = InMemoryStores.strings("units");
  private final List<Forwarded> forwarded = new ArrayList<>();
  private MeshInputs mesh;
  private Membership membership;
  private UnitWriter writer;

  @BeforeEach
  void bookinfo() throws IOException {
    useCase("bookinfo");
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

  @Test
  void aUnitWhoseTranslationThrowsKeepsItsObjectsAndSaysSoOnItsStatusAndInTheEvents()
      throws IOException {
    useCase("virtual-destination");
    AtomicBoolean broken = new AtomicBoolean();
    UnitWriter writer =
        new UnitWriter(
            units,
            mesh,
            this::forward,
            (unit, m, memb) ->
                broken.get()
                    ? fail(unit, "bad index")
                    : FederationTranslator.translate(unit, m, memb));
    assertThat(writer.recompute(REVIEWS_VD, membership, 1)).isTrue();
    StatusOutput accepted = statusOf(FederationTranslator.translate(REVIEWS_VD, mesh, membership));
    forwarded.clear();
    broken.set(true);

    assertThat(writer.recompute(REVIEWS_VD, membership, 2)).isFalse();

    assertThat(forwarded)
        .extracting(Forwarded::sink)
        .containsExactlyInAnyOrder(
            TranslationTopology.EVENTS_SINK, TranslationTopology.STATUS_SINK);
    TranslationFailed event = (TranslationFailed) eventsOf(forwarded).get(0).getEvent();
    assertThat(event.getUnit()).isEqualTo(REVIEWS_VD.key());
    assertThat(event.getInput().getName()).isEqualTo("reviews");
    assertThat(event.getError()).contains("IllegalStateException", "bad index");
    InputStatus status = statusesOf(forwarded).get(0);
    assertThat(status.getState()).isEqualTo(InputState.FAILED);
    assertThat(status.getMessage()).contains("bad index", "kept as they were");
    assertThat(UnitSummaryCodec.decode(units.get(REVIEWS_VD.key())).objects()).isNotEmpty();

    forwarded.clear();
    assertThat(writer.recompute(REVIEWS_VD, membership, 3)).isFalse();
    assertThat(forwarded).as("the same error is told once").isEmpty();

    broken.set(false);
    assertThat(writer.recompute(REVIEWS_VD, membership, 4)).isTrue();
    assertThat(forwarded)
        .as("recovered: the real status comes back, the unchanged objects are not rewritten")
        .extracting(Forwarded::sink)
        .containsExactly(TranslationTopology.STATUS_SINK);
    assertThat(statusesOf(forwarded).get(0).getState().name()).isEqualTo(accepted.state().name());
  }

  @Test
  void aUnitWhoseTranslationThrowsDisturbsNoOtherUnit() {
    UnitId gateway = UnitId.gateway("cluster1");
    UnitWriter broken =
        new UnitWriter(
            units,
            mesh,
            this::forward,
            (unit, m, memb) ->
                unit.equals(UNIT)
                    ? fail(unit, "boom")
                    : FederationTranslator.translate(unit, m, memb));

    assertThat(broken.recompute(UNIT, membership, 1)).isFalse();
    assertThat(broken.recompute(gateway, membership, 1)).isTrue();

    assertThat(forwarded)
        .filteredOn(f -> f.sink().equals(TranslationTopology.DESIRED_SINK))
        .isNotEmpty()
        .allMatch(f -> f.value() != null);
    assertThat(eventsOf(forwarded))
        .filteredOn(e -> e.getEvent() instanceof TranslationFailed)
        .singleElement()
        .satisfies(e -> assertThat(e.getMessage()).contains(UNIT.key(), "boom"));
    assertThat(writer.storedUnits()).containsExactly(gateway);
  }

  /**
   * An earlier version wrote a VirtualDestination's WorkloadEntries from its one unit: the first
   * full recompute after an upgrade (in key order, so the WorkloadEntries' own unit first) hands
   * them over without a tombstone, which would have deleted them from the clusters for a moment.
   */
  @Test
  void workloadEntriesAnEarlierVersionWroteFromTheVirtualDestinationsUnitAreHandedOver()
      throws IOException {
    useCase("virtual-destination");
    UnitId endpoints = UnitId.virtualDestinationEndpoints(REVIEWS_VD_INPUT);
    UnitWriter earlier =
        new UnitWriter(
            units,
            mesh,
            this::forward,
            (unit, m, memb) ->
                unit.equals(REVIEWS_VD)
                    ? asOneUnit(m, memb)
                    : FederationTranslator.translate(unit, m, memb));
    earlier.recompute(REVIEWS_VD, membership, 1);
    List<String> workloadEntries =
        UnitSummaryCodec.decode(units.get(REVIEWS_VD.key())).objects().stream()
            .filter(o -> o.kind().equals("WorkloadEntry"))
            .map(o -> o.name())
            .toList();
    forwarded.clear();

    assertThat(FederationTranslator.UNIT_ORDER.compare(endpoints, REVIEWS_VD)).isNegative();
    writer.recompute(endpoints, membership, 2);
    writer.recompute(REVIEWS_VD, membership, 3);

    assertThat(workloadEntries).isNotEmpty();
    assertThat(forwarded)
        .filteredOn(f -> f.sink().equals(TranslationTopology.DESIRED_SINK))
        .noneMatch(f -> f.value() == null);
    assertThat(UnitSummaryCodec.decode(units.get(REVIEWS_VD.key())).objects())
        .noneMatch(o -> o.kind().equals("WorkloadEntry"));
    assertThat(UnitSummaryCodec.decode(units.get(endpoints.key())).objects())
        .extracting(o -> o.name())
        .containsExactlyInAnyOrderElementsOf(workloadEntries);
  }

  private static UnitResult asOneUnit(MeshInputs mesh, Membership membership) {
    UnitResult entries = FederationTranslator.translate(REVIEWS_VD, mesh, membership);
    UnitResult endpoints =
        FederationTranslator.translate(
            UnitId.virtualDestinationEndpoints(REVIEWS_VD_INPUT), mesh, membership);
    List<dev.meshfed.translation.translate.Output> outputs = new ArrayList<>(entries.outputs());
    outputs.addAll(endpoints.outputs());
    return new UnitResult(outputs, entries.diagnostics(), entries.statuses());
  }

  private static UnitResult fail(UnitId unit, String why) {
    throw new IllegalStateException(why + " in " + unit.key());
  }

  private void forward(String sink, Object key, Object value, long timestamp) {
    forwarded.add(new Forwarded(sink, key, value, timestamp));
  }

  private void useCase(String name) throws IOException {
    GoldenCase golden = GoldenCase.load(CASES.resolve(name).resolve("input.yaml"));
    mesh = golden.mesh();
    membership = FederationTranslator.membership(mesh, golden.settings());
    writer = new UnitWriter(units, mesh, this::forward);
  }

  private static StatusOutput statusOf(UnitResult result) {
    return result.statuses().stream()
        .filter(s -> s.input().equals(REVIEWS_VD_INPUT))
        .findFirst()
        .orElseThrow();
  }

  private static List<FederationEvent> eventsOf(List<Forwarded> records) {
    return records.stream()
        .filter(f -> f.sink().equals(TranslationTopology.EVENTS_SINK))
        .map(f -> (FederationEvent) f.value())
        .toList();
  }

  private static List<InputStatus> statusesOf(List<Forwarded> records) {
    return records.stream()
        .filter(f -> f.sink().equals(TranslationTopology.STATUS_SINK))
        .map(f -> (InputStatus) f.value())
        .toList();
  }

  /** How translation-service stored a unit before it kept summaries. */
  private static String wholeResult(UnitResult result) throws IOException {
    return new ObjectMapper().writeValueAsString(result);
  }
}
