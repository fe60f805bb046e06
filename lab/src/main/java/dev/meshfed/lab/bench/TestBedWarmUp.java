package dev.meshfed.lab.bench;

import dev.meshfed.cli.MeshfedHome;
import dev.meshfed.lab.demo.DemoPipeline;
import dev.meshfed.lab.demo.ServiceJvm;
import dev.meshfed.lab.demo.ServiceLayout;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The whole pipeline run once, untimed, on a small mesh over the same clusters, before the cold
 * start that is timed: the broker and the simulated API servers live in this JVM, and a cold start
 * on a fresh one paid their JIT compilation (27 s of the test bed's CPU at 20x500, 2026-12-07),
 * which a long-running broker and a real API server have long done. The apply floor, measured after
 * the cold start, never paid it. The services of the timed cold start are new processes: what they
 * compile, they still pay. Everything of the warm-up (its broker, API servers, services and work
 * directory) is gone before the timed run starts.
 */
final class TestBedWarmUp {

  private TestBedWarmUp() {}

  /**
   * @return how long the warm-up took
   */
  static Duration run(
      MeshfedHome home,
      Path workDir,
      List<String> clusters,
      BenchSize size,
      int servicesPerCluster,
      Duration timeout)
      throws Exception {
    long start = System.nanoTime();
    BenchSize small =
        new BenchSize(
            size.clusters(),
            Math.min(servicesPerCluster, size.servicesPerCluster()),
            size.namespaces(),
            size.virtualDestinationEvery());
    try (DemoPipeline pipeline =
        DemoPipeline.prepare(home, workDir, clusters, ServiceLayout.SHARED, ServiceJvm.MEASURED)) {
      pipeline.applyInParallel(BenchMesh.initial(small));
      pipeline.startServices();
      pipeline.awaitConvergence(timeout, pending -> {});
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }
}
