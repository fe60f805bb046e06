package dev.meshfed.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshfed.lab.MeshfedLab;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * `meshfed bench --incremental` at the smallest size (2 clusters x 3 services, then x 30), on the
 * real pipeline with the per-cluster services in multi-cluster mode: it runs through and measures
 * what it says. Figures are printed, not held to targets: that is the harness's job at the standard
 * sizes, not a test's.
 */
class BenchIT {

  private static final Path OUT = Path.of("target/e2e/bench");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void measuresEveryFigureAndEachClusterHoldsTheServicesOfTheMeshAndItsGateway() throws Exception {
    int exit =
        MeshfedLab.commandLine()
            .execute(
                "bench",
                "--clusters",
                "2",
                "--services-per-cluster",
                "3",
                "--namespaces",
                "2",
                "--warm-up-changes",
                "10",
                "--max-warm-up-changes",
                "10",
                "--changes",
                "9",
                "--floor-samples",
                "30",
                "--incremental",
                "-o",
                OUT.toString());

    assertThat(exit).isZero();
    JsonNode small = JSON.readTree(OUT.resolve("bench.json").toFile());
    assertThat(small.get("objectsPerCluster").properties())
        .extracting(e -> e.getValue().asInt())
        .containsExactly(2 * 3 + 1, 2 * 3 + 1);
    assertThat(small.get("floor").get("count").asInt()).isEqualTo(30);
    assertThat(small.get("propagation").get("count").asInt()).isEqualTo(9);
    assertThat(small.get("warmth").get("warmUpChanges").asInt()).isEqualTo(10);
    assertThat(small.get("warmth").get("jitCores").asDouble()).as("read on Linux").isNotNegative();
    assertThat(small.get("propagation").get("p50").asDouble()).isPositive();
    assertThat(small.get("unattributedChanges").asInt()).as("every change split").isZero();
    for (String stage : List.of("source write", "discovery", "translation", "distribution")) {
      assertThat(small.get("propagationStages").get(stage).get("count").asInt())
          .as(stage)
          .isEqualTo(9);
    }
    assertThat(small.get("samplesMicros").get("propagation")).hasSize(9);
    assertThat(small.get("coldConvergenceMs").asLong()).isPositive();
    assertThat(small.get("startUpMs").asLong()).isPositive();
    assertThat(small.get("coldCpuMs").get("translation-service").asLong()).isPositive();
    assertThat(small.get("applyFloorMs").asLong()).isPositive();
    assertThat(Files.readString(OUT.resolve("bench.html"))).contains("<svg").contains("floor (30)");
    JsonNode heaps = small.get("footprint").get("liveHeapBytes");
    for (String service :
        List.of("translation-service", "discovery-service", "distribution-service")) {
      assertThat(heaps.get(service).asLong()).as(service).isPositive();
    }
    assertThat(small.get("footprint").get("topicBytes").asLong()).isPositive();

    JsonNode tenfold = JSON.readTree(OUT.resolve("bench-10x.json").toFile());
    assertThat(tenfold.get("objectsPerCluster").properties())
        .extracting(e -> e.getValue().asInt())
        .containsExactly(2 * 30 + 1, 2 * 30 + 1);
    JsonNode incremental = JSON.readTree(OUT.resolve("incremental.json").toFile());
    assertThat(incremental.get("servicesPerCluster").asInt()).isEqualTo(3);
    assertThat(incremental.get("ratio").asDouble()).isPositive();
  }

  /**
   * Grouped, at 2x3: what translation really writes per VirtualDestination (its entry, a
   * WorkloadEntry per other cluster, its rule, the route table's VirtualService) is what the bench
   * expects each cluster to hold, and the VirtualDestinations' port changes are timed too.
   */
  @Test
  void groupedEachClusterHoldsTheServicesOfTheMeshAndEachVirtualDestinationsObjects()
      throws Exception {
    Path out = OUT.resolve("grouped");
    int exit =
        MeshfedLab.commandLine()
            .execute(
                "bench",
                "--clusters",
                "2",
                "--services-per-cluster",
                "3",
                "--namespaces",
                "2",
                "--warm-up-changes",
                "10",
                "--max-warm-up-changes",
                "30",
                "--quiet-jit-cores",
                "0",
                "--changes",
                "9",
                "--floor-samples",
                "30",
                "--grouped",
                "-o",
                out.toString());

    assertThat(exit).isZero();
    JsonNode report = JSON.readTree(out.resolve("bench.json").toFile());
    int perDestination = 1 + (2 - 1) + 1 + 1;
    assertThat(report.get("objectsPerCluster").properties())
        .extracting(e -> e.getValue().asInt())
        .containsExactly(2 * 3 + 1 + 3 * perDestination, 2 * 3 + 1 + 3 * perDestination);
    assertThat(report.get("propagation").get("count").asInt()).isEqualTo(9);
    assertThat(report.get("warmth").get("warmUpChanges").asInt())
        .as("compilers never below 0 cores: rounds of warm-up up to the maximum")
        .isEqualTo(30);
    assertThat(report.get("unattributedChanges").asInt()).as("every change split").isZero();
  }
}
