package dev.meshfed.lab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.testbed.KafkaBroker;
import dev.meshfed.testbed.SimulatedCluster;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FloorProbeIT {

  @TempDir Path dir;

  @Test
  void measuresEverySampleThroughThreeHopsAndAnApply() throws Exception {
    try (KafkaBroker broker = KafkaBroker.start(dir.resolve("kafka"));
        SimulatedCluster cluster = SimulatedCluster.start("floor")) {
      FloorProbe probe =
          new FloorProbe(broker.bootstrapServers(), cluster.client(), Duration.ofSeconds(30));

      LatencySummary floor = probe.measure(30).summary();
      System.out.println("floor on this machine: " + floor);

      assertThat(floor.count()).isEqualTo(30);
      assertThat(floor.p50()).isPositive();
      assertThat(floor.p99()).isGreaterThanOrEqualTo(floor.p50());
      assertThat(floor.max()).isGreaterThanOrEqualTo(floor.p99());
      ConfigMap applied =
          cluster
              .client()
              .configMaps()
              .inNamespace("default")
              .withName(FloorProbe.APPLIED_NAME)
              .get();
      // 20 warm-up samples (0..19), then 30 measured: the last applied is sample 49
      assertThat(applied.getData()).containsEntry("sample", "49");
    }
  }
}
