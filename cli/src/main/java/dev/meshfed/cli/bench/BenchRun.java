package dev.meshfed.cli.bench;

import dev.meshfed.cli.demo.DemoPipeline;
import dev.meshfed.cli.demo.MeshfedHome;
import dev.meshfed.testbed.SimulatedCluster;
import dev.meshfed.testbed.scenario.ManagedObjectDumper;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One bench run on the test bed: the bench mesh's inputs in place, the three services started in
 * multi-cluster mode, and every figure measured in the same run, in this order: cold convergence,
 * what each cluster holds, the apply floor, the floor, propagation.
 */
public final class BenchRun {

  /**
   * @param floorSamples samples of the floor probe
   * @param seed what the planned changes are drawn from
   */
  public record Options(
      BenchSize size, int changes, int floorSamples, long seed, Duration timeout, Path workDir) {}

  private final Options options;
  private final PrintStream progress;

  public BenchRun(Options options, PrintStream progress) {
    this.options = options;
    this.progress = progress;
  }

  public BenchReport run(MeshfedHome home) throws Exception {
    BenchSize size = options.size();
    List<String> clusters = new ArrayList<>(size.workloadClusters());
    clusters.add(BenchSize.MANAGEMENT_CLUSTER);
    try (DemoPipeline pipeline =
        DemoPipeline.prepare(home, options.workDir(), clusters, DemoPipeline.Layout.SHARED)) {
      progress.printf("Loading %s …%n", size);
      pipeline.apply(BenchMesh.initial(size));
      Duration cold = coldStart(pipeline);
      Map<String, Integer> held = objectsPerCluster(pipeline);
      progress.printf("Converged from cold in %s; measuring the apply floor …%n", cold);
      Duration applyFloor =
          ApplyFloor.measure(workloadClients(pipeline), size.expectedDesiredPerCluster());
      progress.println("Measuring the floor …");
      LatencySummary floor =
          new FloorProbe(
                  pipeline.bootstrapServers(), workloadClients(pipeline).get(0), options.timeout())
              .measure(options.floorSamples());
      progress.printf("Making %d changes …%n", options.changes());
      LatencySummary propagation = propagation(pipeline);
      return new BenchReport(
          size,
          options.changes(),
          floor,
          propagation,
          cold,
          applyFloor,
          size.expectedDesiredPerCluster(),
          held);
    }
  }

  private Duration coldStart(DemoPipeline pipeline) throws Exception {
    progress.println("Starting the services …");
    long start = System.nanoTime();
    pipeline.startServices();
    pipeline.awaitConvergence(options.timeout(), pending -> {});
    return Duration.ofNanos(System.nanoTime() - start).minus(DemoPipeline.SETTLE);
  }

  private LatencySummary propagation(DemoPipeline pipeline) throws InterruptedException {
    List<BenchChange> changes = BenchChange.plan(options.size(), options.changes(), options.seed());
    try (PropagationProbe probe =
        new PropagationProbe(options.size(), pipeline.clusters(), options.timeout())) {
      return probe.measure(changes);
    }
  }

  private Map<String, Integer> objectsPerCluster(DemoPipeline pipeline) {
    ManagedObjectDumper dumper = new ManagedObjectDumper(ManagedObjectDumper.istioKinds());
    Map<String, Integer> held = new TreeMap<>();
    for (String cluster : options.size().workloadClusters()) {
      held.put(cluster, dumper.managedObjects(pipeline.clusters().get(cluster).client()).size());
    }
    return held;
  }

  private List<KubernetesClient> workloadClients(DemoPipeline pipeline) {
    Map<String, SimulatedCluster> all = pipeline.clusters();
    return options.size().workloadClusters().stream().map(c -> all.get(c).client()).toList();
  }
}
