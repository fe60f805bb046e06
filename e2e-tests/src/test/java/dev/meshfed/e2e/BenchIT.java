package dev.meshfed.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshfed.cli.bench.BenchFormat;
import dev.meshfed.cli.bench.BenchReport;
import dev.meshfed.cli.bench.BenchRun;
import dev.meshfed.cli.bench.BenchSize;
import dev.meshfed.cli.demo.MeshfedHome;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The bench harness at the smallest size, on the real pipeline with the per-cluster services in
 * multi-cluster mode: it runs through and measures what it says. Figures are printed, not held to
 * targets (that is the harness's job at the standard sizes, not a test's).
 */
class BenchIT {

  private static final BenchSize SIZE = new BenchSize(2, 3, 2);

  @Test
  void measuresEveryFigureAndEachClusterHoldsTheServicesOfTheMeshAndItsGateway() throws Exception {
    BenchRun.Options options =
        new BenchRun.Options(SIZE, 9, 30, 1, Duration.ofSeconds(120), Path.of("target/e2e/bench"));

    BenchReport report =
        new BenchRun(options, new PrintStream(System.out)).run(MeshfedHome.locate());
    System.out.print(BenchFormat.table(report));

    assertThat(report.objectsPerCluster())
        .containsOnlyKeys(SIZE.workloadClusters())
        .allSatisfy((cluster, held) -> assertThat(held).isEqualTo(3 * 2 + 1));
    assertThat(report.floor().count()).isEqualTo(30);
    assertThat(report.propagation().count()).isEqualTo(9);
    assertThat(report.propagation().p50()).isPositive();
    assertThat(report.coldConvergence()).isPositive();
    assertThat(report.applyFloor()).isPositive();
    assertThat(report.footprint().liveHeapBytes())
        .containsOnlyKeys("translation-service", "discovery-service", "distribution-service")
        .allSatisfy((service, bytes) -> assertThat(bytes).isPositive());
    assertThat(report.footprint().topicBytes()).isPositive();
    JsonNode json = new ObjectMapper().readTree(BenchFormat.json(report));
    assertThat(json.get("propagation").get("count").asInt()).isEqualTo(9);
    assertThat(json.get("objectsPerCluster").size()).isEqualTo(2);
  }
}
