package dev.meshfed.lab;

import dev.meshfed.cli.MeshfedHome;
import dev.meshfed.lab.bench.BenchFormat;
import dev.meshfed.lab.bench.BenchReport;
import dev.meshfed.lab.bench.BenchRun;
import dev.meshfed.lab.bench.BenchSize;
import dev.meshfed.lab.bench.IncrementalCost;
import dev.meshfed.lab.bench.LatencyPlot;
import dev.meshfed.lab.bench.WarmUp;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "bench",
    description =
        "Measure the pipeline on the test bed: the floor, propagation of changes, cold"
            + " convergence against the apply floor, and what each cluster holds. Writes"
            + " DIR/bench.json and prints a table.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:measured, and every cluster holds what it should",
      "1:measured, but a cluster holds other than services-of-the-mesh + 1 objects (grouped: plus"
          + " clusters + 2 per VirtualDestination)",
      "2:invalid arguments"
    })
final class BenchCommand implements Callable<Integer> {

  @Option(
      names = "--clusters",
      defaultValue = "3",
      description = "Workload clusters (default ${DEFAULT-VALUE}).")
  int clusters;

  @Option(
      names = "--services-per-cluster",
      defaultValue = "20",
      description = "Services in each cluster (default ${DEFAULT-VALUE}).")
  int servicesPerCluster;

  @Option(
      names = "--namespaces",
      defaultValue = "2",
      description = "Namespaces the services are spread over (default ${DEFAULT-VALUE}).")
  int namespaces;

  @Option(
      names = "--changes",
      defaultValue = "30",
      description = "Changes to time (default ${DEFAULT-VALUE}).")
  int changes;

  @Option(
      names = "--warm-up-changes",
      // at 20x500, 3,100 warm-up changes gave 4.46 ms of translation CPU per change, 1,100 gave
      // 5.09 ms on a faster machine within the hour: quiet compilers after 1,000 are not warm code
      defaultValue = "3000",
      description =
          "Untimed changes first, at least (default ${DEFAULT-VALUE}); then rounds of 100 until"
              + " the JIT compilers are quiet (the report says how busy they still were).")
  int warmUpChanges;

  @Option(
      names = "--max-warm-up-changes",
      defaultValue = "5000",
      description =
          "Untimed changes at most, quiet compilers or not (default ${DEFAULT-VALUE}; never fewer"
              + " than --warm-up-changes).")
  int maxWarmUpChanges;

  @Option(
      names = "--quiet-jit-cores",
      defaultValue = "0.25",
      description =
          "The JIT compilers count as quiet below this CPU over a round of warm-up changes, summed"
              + " over the processes, in cores (default ${DEFAULT-VALUE}).")
  double quietJitCores;

  @Option(
      names = "--floor-samples",
      defaultValue = "100",
      description = "Samples of the floor (default ${DEFAULT-VALUE}).")
  int floorSamples;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of the planned changes.")
  long seed;

  @Option(
      names = "--timeout",
      defaultValue = "600",
      description = "Seconds any one wait may take (default ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  @Option(
      names = {"-o", "--output-dir"},
      description = "Where bench.json goes (default: target/bench).")
  Path outputDir;

  PrintStream out = System.out;

  @Option(
      names = "--incremental",
      description =
          "Also run at 10x the services per cluster and report how translation's CPU per change"
              + " grows (writes bench-10x.json and incremental.json too).")
  boolean incremental;

  @Option(
      names = "--grouped",
      description =
          "Grouped federation too: a VirtualDestination svc-N.global over every cluster per Service"
              + " name, with a RouteTable, an OutlierDetectionPolicy and a RetryTimeoutPolicy; half"
              + " the timed changes change a VirtualDestination's port.")
  boolean grouped;

  @Option(
      names = "--virtual-destination-every",
      defaultValue = "1",
      paramLabel = "K",
      description =
          "With --grouped: a VirtualDestination for every K-th Service name only (default"
              + " ${DEFAULT-VALUE}: every one).")
  int virtualDestinationEvery;

  @Option(
      names = "--translation-partitions",
      defaultValue = "1",
      description =
          "How many ways translation splits its units (meshfed.translation.partitions; default"
              + " ${DEFAULT-VALUE}).")
  int translationPartitions;

  @Option(
      names = "--translation-instances",
      defaultValue = "1",
      description =
          "translation-service instances sharing the partitions (default ${DEFAULT-VALUE}); the"
              + " report gives each one's CPU per change.")
  int translationInstances;

  @Option(
      names = "--profile",
      description =
          "Record each service with JDK Flight Recorder over the timed changes (DIR/jfr/*.jfr).")
  boolean profile;

  @Option(
      names = "--own-objects-floor",
      description =
          "Also time applying a copy of every object the clusters hold, the apply floor of the"
              + " pipeline's own objects (the apply floor applies small ServiceEntries).")
  boolean ownObjectsFloor;

  @Override
  public Integer call() throws Exception {
    MeshfedHome home = MeshfedHome.locate();
    Path dir = outputDir != null ? outputDir : home.dir().resolve("target/bench");
    Files.createDirectories(dir);
    BenchReport report = run(home, dir, servicesPerCluster, "bench");
    boolean held = report.everyClusterHoldsWhatItShould();
    if (incremental) {
      BenchReport tenfold = run(home, dir, 10 * servicesPerCluster, "bench-10x");
      IncrementalCost cost = IncrementalCost.of(report, tenfold);
      Files.writeString(dir.resolve("incremental.json"), BenchFormat.json(cost));
      out.println();
      out.print(BenchFormat.table(cost));
      held &= tenfold.everyClusterHoldsWhatItShould();
    }
    return held ? 0 : 1;
  }

  private BenchReport run(MeshfedHome home, Path dir, int services, String name) throws Exception {
    BenchRun.Options options =
        new BenchRun.Options(
            new BenchSize(clusters, services, namespaces, grouped ? virtualDestinationEvery : 0),
            new WarmUp(warmUpChanges, Math.max(warmUpChanges, maxWarmUpChanges), quietJitCores),
            changes,
            floorSamples,
            seed,
            Duration.ofSeconds(timeoutSeconds),
            dir.resolve("work"),
            profile ? Optional.of(dir.resolve("jfr").resolve(name)) : Optional.empty(),
            translationPartitions,
            translationInstances,
            ownObjectsFloor);
    BenchReport report = new BenchRun(options, out).run(home);
    Files.writeString(dir.resolve(name + ".json"), BenchFormat.json(report));
    Files.writeString(
        dir.resolve(name + ".html"),
        LatencyPlot.html("meshfed bench: " + BenchFormat.title(report), report.samplesMicros()));
    out.println();
    out.print(BenchFormat.table(report));
    out.println("Wrote " + dir.resolve(name + ".json") + " and " + dir.resolve(name + ".html"));
    return report;
  }
}
