package dev.meshfed.lab.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BenchFormatTest {

  private final BenchReport report =
      new BenchReport(
          new BenchSize(2, 3, 1),
          9,
          new Warmth(200, 0.04),
          Latencies.of(List.of(10_000L, 10_000L, 30_000L)),
          new Propagation(
              Latencies.of(List.of(25_000L, 20_000L, 70_000L)),
              Map.of(
                  "source write", Latencies.of(List.of(1_000L, 1_000L)),
                  "discovery", Latencies.of(List.of(2_000L, 3_000L)),
                  "translation", Latencies.of(List.of(15_000L, 16_000L)),
                  "distribution", Latencies.of(List.of(4_000L, 5_000L))),
              1),
          Duration.ofMillis(1500),
          Duration.ofMillis(600),
          Map.of(
              "translation-service",
              Duration.ofMillis(2500),
              "distribution-service",
              Duration.ofMillis(26)),
          Map.of(
              "translation-service",
              new RuntimeCpu(Duration.ofMillis(900), Duration.ofMillis(100)),
              "distribution-service",
              new RuntimeCpu(Duration.ofMillis(4), Duration.ofMillis(2))),
          Duration.ofMillis(1000),
          Optional.of(Duration.ofMillis(1400)),
          7,
          Map.of("cluster-01", 7, "cluster-02", 6),
          new Footprint(Map.of("translation-service", 50L * 1024 * 1024), 2048, 1500),
          new TranslationScale(
              2,
              Map.of("translation-service", 1_000L, "translation-service-2", 1_500L),
              Map.of("translation-service", 200L, "translation-service-2", 100L)));

  @Test
  void theTableStatesEachRatioAgainstItsTarget() {
    assertThat(BenchFormat.table(report))
        .contains("p50/floor 2.50 (target <= 2)")
        .contains(
            "after 200 warm-up changes; JIT compilers busy 0.04 cores during the timed changes")
        .contains(
            "cold convergence 1500 ms (services started after 600 ms), apply floor 1000 ms: ratio 0.94"
                + " to apply floor + start-up (target <= 1.5), 1.50 to apply floor")
        .contains("apply floor of copies of the objects held 1400 ms: ratio 0.75 to it + start-up")
        .contains("MISMATCH")
        .contains("translation CPU per change: 1.50 ms; topics: 0.0 MiB")
        .contains("translation-service 50.0 MiB")
        .contains("translation-service 2.5")
        .contains("distribution CPU per object held: 2.000 ms")
        .containsPattern("  translation +15\\.0 +16\\.0 ")
        .containsSubsequence("  source write", "  discovery", "  translation", "  distribution")
        .contains("(1 changes not split into stages");
  }

  @Test
  void theFloorOfTheObjectsHeldIsReportedOnlyWhenMeasured() throws Exception {
    BenchReport without =
        variant(report.size(), report.propagation(), report.coldRuntimeCpu(), Optional.empty());

    assertThat(BenchFormat.table(without)).doesNotContain("copies of the objects held");
    assertThat(BenchFormat.json(without)).doesNotContain("ownObjectsApplyFloorMs");
    assertThat(BenchFormat.json(report)).contains("ownObjectsApplyFloorMs");
  }

  @Test
  void theRuntimesShareOfTheColdStartsCpuIsReportedWhereKnown() throws Exception {
    assertThat(BenchFormat.table(report))
        .contains("of it compiling / collecting garbage (s): ")
        .contains("translation-service 0.9 / 0.1")
        .contains("distribution-service 0.0 / 0.0");
    JsonNode json = new ObjectMapper().readTree(BenchFormat.json(report));
    assertThat(json.path("coldCpuCompilingMs").path("translation-service").asLong()).isEqualTo(900);
    assertThat(json.path("coldCpuCollectingMs").path("translation-service").asLong())
        .isEqualTo(100);

    BenchReport unknown = withoutRuntimeCpu();
    assertThat(BenchFormat.table(unknown)).doesNotContain("collecting garbage");
    assertThat(BenchFormat.json(unknown)).doesNotContain("coldCpuCompilingMs");
  }

  @Test
  void theIncrementalCostIsTheTenfoldMeshsCpuPerChangeOverTheSmallOnes() throws Exception {
    IncrementalCost cost = new IncrementalCost(100, 2_000, 2_300);

    assertThat(BenchFormat.table(cost))
        .contains(
            "2.00 ms at 100 services per cluster, 2.30 ms at 1000: ratio 1.15 (target <= 1.2)");
    assertThat(new ObjectMapper().readTree(BenchFormat.json(cost)).get("ratio").asDouble())
        .isEqualTo(1.15, within(1e-9));
  }

  @Test
  void theJsonHasEveryFigureInMilliseconds() throws Exception {
    JsonNode json = new ObjectMapper().readTree(BenchFormat.json(report));

    // HdrHistogram keeps 3 significant digits
    assertThat(json.get("floor").get("p99").asDouble()).isCloseTo(30, within(0.1));
    assertThat(json.get("propagation").get("p50").asDouble()).isCloseTo(25, within(0.1));
    assertThat(json.get("propagationStages").get("distribution").get("max").asDouble())
        .isCloseTo(5, within(0.1));
    assertThat(json.get("samplesMicros").get("propagation").toString())
        .isEqualTo("[20000,25000,70000]");
    assertThat(json.get("coldConvergenceMs").asLong()).isEqualTo(1500);
    assertThat(json.get("ownObjectsApplyFloorMs").asLong()).isEqualTo(1400);
    assertThat(json.get("coldOverOwnObjectsFloorAndStartUp").asDouble())
        .isCloseTo(0.75, within(1e-9));
    assertThat(json.get("distributionCpuPerObjectMs").asDouble()).isCloseTo(2.0, within(1e-9));
    assertThat(json.get("propagationOverFloor").asDouble()).isCloseTo(2.5, within(0.01));
    assertThat(json.get("objectsPerCluster").get("cluster-02").asInt()).isEqualTo(6);
    assertThat(json.get("footprint").get("topicBytes").asLong()).isEqualTo(2048);
  }

  @Test
  void groupedEachKindOfChangeIsSummarisedApart() throws Exception {
    BenchReport grouped =
        withPropagation(
            new BenchSize(2, 3, 1, 1),
            new Propagation(
                report.propagation().total(),
                report.propagation().stages(),
                0,
                Map.of(
                    "PORT_CHANGE", Latencies.of(List.of(20_000L)),
                    "DESTINATION_PORT_CHANGE", Latencies.of(List.of(25_000L, 70_000L))),
                List.of()));

    assertThat(BenchFormat.title(grouped)).contains("3 VirtualDestinations");
    assertThat(BenchFormat.table(grouped))
        .containsPattern("  VD port change +25\\.0 .* 2 changes")
        .containsPattern("\n  port change +20\\.0 .* 1 changes");
    assertThat(
            new ObjectMapper()
                .readTree(BenchFormat.json(grouped))
                .get("propagationByChangeKind")
                .get("DESTINATION_PORT_CHANGE")
                .get("count")
                .asInt())
        .isEqualTo(2);
    assertThat(BenchFormat.json(report)).doesNotContain("propagationByChangeKind");
  }

  @Test
  void theSlowestChangesAreListedSlowestFirstWithTheirOwnStages() throws Exception {
    BenchReport withChanges =
        withPropagation(
            report.size(),
            new Propagation(
                report.propagation().total(),
                report.propagation().stages(),
                1,
                Map.of(),
                List.of(
                    new Propagation.TimedChange("CREATE", "a.global", 20_000, List.of()),
                    new Propagation.TimedChange(
                        "DELETE", "b.global", 70_000, List.of(1_000L, 2_000L, 60_000L, 7_000L)),
                    new Propagation.TimedChange(
                        "CREATE", "c.global", 25_000, List.of(1_000L, 3_000L, 16_000L, 5_000L)))));

    assertThat(BenchFormat.table(withChanges))
        .containsSubsequence(
            "  slow: DELETE b.global 70.0 ms (1.0 + 2.0 + 60.0 + 7.0)",
            "  slow: CREATE c.global 25.0 ms",
            "  slow: CREATE a.global 20.0 ms (stages not seen)");
    JsonNode slowest =
        new ObjectMapper().readTree(BenchFormat.json(withChanges)).get("slowestChanges");
    assertThat(slowest.get(0).get("host").asText()).isEqualTo("b.global");
    assertThat(slowest.get(0).get("stageMicros").get(2).asLong()).isEqualTo(60_000);
  }

  @Test
  void translationThroughputIsChangesPerSecondOfEveryInstancesCpu() throws Exception {
    assertThat(BenchFormat.table(report))
        .contains(
            "translation: 2 partitions over 2 instances, 2.50 ms CPU per change"
                + " (translation-service 1.00, translation-service-2 1.50; RocksDB flushes and"
                + " compactions 0.30 of it): 400 changes per second of translation CPU");
    JsonNode translation = new ObjectMapper().readTree(BenchFormat.json(report)).get("translation");
    assertThat(translation.get("instances").asInt()).isEqualTo(2);
    assertThat(translation.at("/stateStoreCpuPerChangeMicros/translation-service").asLong())
        .isEqualTo(200);
    assertThat(translation.get("changesPerCpuSecond").asDouble()).isEqualTo(400.0);
  }

  private BenchReport withoutRuntimeCpu() {
    return variant(report.size(), report.propagation(), Map.of(), report.ownObjectsApplyFloor());
  }

  /** The report's figures with another size and propagation. */
  private BenchReport withPropagation(BenchSize size, Propagation propagation) {
    return variant(size, propagation, report.coldRuntimeCpu(), report.ownObjectsApplyFloor());
  }

  private BenchReport variant(
      BenchSize size,
      Propagation propagation,
      Map<String, RuntimeCpu> coldRuntimeCpu,
      Optional<Duration> ownObjectsApplyFloor) {
    return new BenchReport(
        size,
        report.changes(),
        report.warmth(),
        report.floor(),
        propagation,
        report.coldConvergence(),
        report.startUp(),
        report.coldCpu(),
        coldRuntimeCpu,
        report.applyFloor(),
        ownObjectsApplyFloor,
        report.expectedObjectsPerCluster(),
        report.objectsPerCluster(),
        report.footprint(),
        report.translation());
  }
}
