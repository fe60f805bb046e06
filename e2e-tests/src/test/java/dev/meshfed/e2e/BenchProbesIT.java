package dev.meshfed.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.cli.bench.BenchChange;
import dev.meshfed.cli.bench.BenchMesh;
import dev.meshfed.cli.bench.BenchSize;
import dev.meshfed.cli.bench.LatencySummary;
import dev.meshfed.cli.bench.PropagationProbe;
import dev.meshfed.cli.demo.DemoPipeline;
import dev.meshfed.cli.demo.DemoPipeline.Layout;
import dev.meshfed.cli.demo.MeshfedHome;
import dev.meshfed.testbed.scenario.ManagedObjectDumper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bench's probes on the real pipeline, at the smallest size: they measure what they say. */
class BenchProbesIT {

  private static final BenchSize SIZE = new BenchSize(2, 3, 2);

  @Test
  void aBenchMeshConvergesToItsExpectedObjectsAndEveryChangeReachesEveryCluster() throws Exception {
    List<String> clusters = new ArrayList<>(SIZE.workloadClusters());
    clusters.add(BenchSize.MANAGEMENT_CLUSTER);
    // as the bench runs it: inputs in place first, then one discovery and one distribution
    // process for every cluster (multi-cluster mode)
    try (DemoPipeline pipeline =
        DemoPipeline.prepare(
            MeshfedHome.locate(), Path.of("target/e2e/bench"), clusters, Layout.SHARED)) {
      pipeline.apply(BenchMesh.initial(SIZE));
      pipeline.startServices();
      pipeline.awaitConvergence(Duration.ofSeconds(120), pending -> {});
      assertThat(pipeline.processes().keySet())
          .containsExactlyInAnyOrder(
              "translation-service", "discovery-service", "distribution-service");

      for (String cluster : SIZE.workloadClusters()) {
        assertThat(
                new ManagedObjectDumper(ManagedObjectDumper.istioKinds())
                    .managedObjects(pipeline.clusters().get(cluster).client()))
            .as(cluster)
            .hasSize(SIZE.expectedDesiredPerCluster());
      }

      List<BenchChange> changes = BenchChange.plan(SIZE, 9, 1);
      try (PropagationProbe probe =
          new PropagationProbe(SIZE, pipeline.clusters(), Duration.ofSeconds(60))) {
        LatencySummary propagation = probe.measure(changes);
        System.out.println("propagation at " + SIZE + ": " + propagation);

        assertThat(propagation.count()).isEqualTo(changes.size());
        assertThat(propagation.p50()).isPositive();
        assertThat(propagation.max()).isGreaterThanOrEqualTo(propagation.p50());
      }
    }
  }
}
