package dev.meshfed.lab.bench;

import dev.meshfed.cli.MeshfedHome;
import dev.meshfed.lab.demo.DemoPipeline;
import dev.meshfed.lab.demo.ServiceJvm;
import dev.meshfed.lab.demo.ServiceLayout;
import dev.meshfed.oracle.mesh.ManagedObjects;
import dev.meshfed.testbed.SimulatedCluster;
import dev.meshfed.testbed.scenario.ManagedObjectDumper;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * One bench run on the test bed: the bench mesh's inputs in place, the three services started in
 * multi-cluster mode, and every figure measured in the same run, in this order: cold convergence,
 * what each cluster holds, the apply floor, the floor, propagation.
 */
public final class BenchRun {

  /**
   * @param warmUp the changes made, untimed, before the timed ones: the JIT compiles the change
   *     paths on these
   * @param floorSamples samples of the floor probe
   * @param seed what the planned changes are drawn from
   * @param profileDir where JFR recordings of the timed changes go; empty: none are taken
   * @param ownObjectsFloor whether to time the apply floor of the objects the clusters hold too
   */
  public record Options(
      BenchSize size,
      WarmUp warmUp,
      int changes,
      int floorSamples,
      long seed,
      Duration timeout,
      Path workDir,
      Optional<Path> profileDir,
      int translationPartitions,
      int translationInstances,
      boolean ownObjectsFloor) {}

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
        DemoPipeline.prepare(
            home, options.workDir(), clusters, ServiceLayout.SHARED, ServiceJvm.MEASURED)) {
      if (options.translationPartitions() > 1) {
        pipeline.partitionTranslation(options.translationPartitions());
      }
      for (int i = 1; i < options.translationInstances(); i++) {
        pipeline.addTranslationInstance();
      }
      progress.printf("Loading %s …%n", size);
      pipeline.applyInParallel(BenchMesh.initial(size));
      Duration apiWarmUp =
          ApplyFloor.warmUp(workloadClients(pipeline), size.expectedDesiredPerCluster());
      progress.printf("Warmed the API servers' apply path up in %d ms%n", apiWarmUp.toMillis());
      ColdStart cold = coldStart(pipeline);
      Map<String, Integer> held = objectsPerCluster(pipeline);
      progress.printf(
          "Converged from cold in %d ms (services started in %d ms); measuring the apply floor …%n",
          cold.convergence().toMillis(), cold.startUp().toMillis());
      Duration applyFloor =
          ApplyFloor.measure(workloadClients(pipeline), size.expectedDesiredPerCluster());
      Optional<Duration> ownObjectsFloor = Optional.empty();
      if (options.ownObjectsFloor()) {
        progress.println("Measuring the apply floor of the objects the clusters hold …");
        ownObjectsFloor = Optional.of(OwnObjectsFloor.measure(workloadClients(pipeline)));
      }
      WarmUp warmUp = options.warmUp();
      List<BenchChange> plan =
          BenchChange.plan(size, warmUp.maximum() + options.changes(), options.seed());
      Latencies floor;
      Propagation propagation;
      Map<String, Duration> translationCpuPerChange = new TreeMap<>();
      Map<String, Duration> stateStoreCpuPerChange = new TreeMap<>();
      int warmUpMade;
      double jitCores;
      try (PropagationProbe probe =
          new PropagationProbe(
              size, pipeline.clusters(), pipeline.bootstrapServers(), options.timeout())) {
        progress.printf(
            "Warming up with %d to %d changes, until the JIT compilers are below %.2f cores …%n",
            warmUp.minimum(), warmUp.maximum(), warmUp.quietCores());
        Optional<FlightRecordings> recordings = startRecordings(pipeline);
        warmUpMade = warmUp.run(probe, plan, processes(pipeline), progress);
        // measured as warm as the changes it is compared with; translation has nothing to do
        // meanwhile: its idle CPU rate
        progress.println("Measuring the floor …");
        Map<String, CpuClock> translation = translationClocks(pipeline);
        floor =
            new FloorProbe(
                    pipeline.bootstrapServers(),
                    workloadClients(pipeline).get(0),
                    options.timeout())
                .measure(options.floorSamples());
        translation.values().forEach(CpuClock::lap);
        if (recordings.isPresent()) {
          recordings.get().mark();
        }
        Optional<JitWatch> jit = JitWatch.start(processes(pipeline));
        translation
            .values()
            .forEach(CpuClock::restartLap); // starting the recordings is not a change's work
        progress.printf("Making %d changes …%n", options.changes());
        ProgressLine line = new ProgressLine(progress, System.nanoTime());
        propagation =
            probe.measure(
                plan.subList(warmUpMade, warmUpMade + options.changes()),
                made ->
                    line.maybePrint(List.of(made + " of " + options.changes() + " changes made")));
        translation.forEach(
            (name, clock) -> {
              translationCpuPerChange.put(name, clock.lapNetOfIdle().dividedBy(options.changes()));
              stateStoreCpuPerChange.put(name, clock.lapBackground().dividedBy(options.changes()));
            });
        jitCores = jit.map(JitWatch::cores).orElse(-1.0);
        stopRecordings(recordings);
      }
      progress.println("Measuring the footprint …");
      Duration cpuPerChange =
          translationCpuPerChange.values().stream().reduce(Duration.ZERO, Duration::plus);
      Footprint footprint = footprint(pipeline, cpuPerChange);
      return new BenchReport(
          size,
          options.changes(),
          new Warmth(warmUpMade, jitCores),
          floor,
          propagation,
          cold.convergence(),
          cold.startUp(),
          cold.cpu(),
          cold.runtimeCpu(),
          applyFloor,
          ownObjectsFloor,
          size.expectedDesiredPerCluster(),
          held,
          footprint,
          new TranslationScale(
              options.translationPartitions(),
              micros(translationCpuPerChange),
              micros(stateStoreCpuPerChange)));
    }
  }

  /** A CPU clock per translation-service instance, by name. */
  private static Map<String, CpuClock> translationClocks(DemoPipeline pipeline) {
    Map<String, CpuClock> clocks = new TreeMap<>();
    pipeline.processes().keySet().stream()
        .filter(name -> name.startsWith("translation-service"))
        .forEach(name -> clocks.put(name, new CpuClock(service(pipeline, name))));
    return clocks;
  }

  private static Map<String, Long> micros(Map<String, Duration> durations) {
    Map<String, Long> micros = new TreeMap<>();
    durations.forEach((name, duration) -> micros.put(name, duration.toNanos() / 1_000));
    return micros;
  }

  /** Cold convergence, how much of it the services took to start, and the CPU they all used. */
  private record ColdStart(
      Duration convergence,
      Duration startUp,
      Map<String, Duration> cpu,
      Map<String, RuntimeCpu> runtimeCpu) {}

  private ColdStart coldStart(DemoPipeline pipeline) throws Exception {
    progress.println("Starting the services …");
    ColdCpu cpu = ColdCpu.start();
    long start = System.nanoTime();
    Map<String, Path> logs = new TreeMap<>();
    pipeline.processes().forEach((name, process) -> logs.put(name, process.log()));
    StartupWatch startup = new StartupWatch(logs, start);
    ProgressLine line = new ProgressLine(progress, start);
    pipeline.startServices();
    pipeline.awaitConvergence(
        options.timeout(),
        pending -> {
          startup.check();
          line.maybePrint(startup.allStarted().isPresent() ? pending : List.of("starting"));
        });
    long end =
        LastWrite.after(start, workloadClusters(pipeline)).orElseThrow(() -> noWrites(pipeline));
    Duration convergence = Duration.ofNanos(end - start);
    return new ColdStart(
        convergence,
        startup.allStarted().orElse(convergence),
        cpu.used(services(pipeline)),
        cpu.usedByRuntimes(services(pipeline)));
  }

  private static IllegalStateException noWrites(DemoPipeline pipeline) {
    return new IllegalStateException(
        "converged without a single write to a workload cluster: see " + pipeline.processes());
  }

  private Optional<FlightRecordings> startRecordings(DemoPipeline pipeline) throws Exception {
    if (options.profileDir().isEmpty()) {
      return Optional.empty();
    }
    Map<String, Long> pids = new TreeMap<>();
    pipeline.processes().keySet().forEach(name -> pids.put(name, service(pipeline, name).pid()));
    // the broker and the simulated API servers every hop goes through live in this process
    pids.put(ColdCpu.TEST_BED, ProcessHandle.current().pid());
    Files.createDirectories(options.profileDir().get());
    return Optional.of(FlightRecordings.start(pids, options.profileDir().get()));
  }

  private void stopRecordings(Optional<FlightRecordings> recordings) throws Exception {
    if (recordings.isPresent()) {
      for (Path file : recordings.get().stop().values()) {
        progress.println("Wrote " + file);
      }
    }
  }

  private Footprint footprint(DemoPipeline pipeline, Duration cpuPerChange) throws Exception {
    Map<String, Long> heaps = new TreeMap<>();
    for (var process : pipeline.processes().values()) {
      long pid = process.handle().orElseThrow(() -> exited(process.name())).pid();
      heaps.put(process.name(), HeapProbe.liveHeapBytes(pid).orElse(-1));
    }
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.bootstrapServers()))) {
      return new Footprint(heaps, TopicBytes.meshfed(admin), cpuPerChange.toNanos() / 1_000);
    }
  }

  /** Every service's process and this one (the test bed and the harness). */
  private static List<ProcessHandle> processes(DemoPipeline pipeline) {
    List<ProcessHandle> all = new ArrayList<>();
    pipeline.processes().keySet().forEach(name -> all.add(service(pipeline, name)));
    all.add(ProcessHandle.current());
    return all;
  }

  private static Map<String, ProcessHandle> services(DemoPipeline pipeline) {
    Map<String, ProcessHandle> services = new TreeMap<>();
    pipeline.processes().keySet().forEach(name -> services.put(name, service(pipeline, name)));
    return services;
  }

  private static ProcessHandle service(DemoPipeline pipeline, String name) {
    return pipeline.processes().get(name).handle().orElseThrow(() -> exited(name));
  }

  private static IllegalStateException exited(String name) {
    return new IllegalStateException(name + " is not running");
  }

  private Map<String, Integer> objectsPerCluster(DemoPipeline pipeline) {
    ManagedObjectDumper dumper = new ManagedObjectDumper(ManagedObjects.managedKinds());
    Map<String, Integer> held = new TreeMap<>();
    for (String cluster : options.size().workloadClusters()) {
      held.put(cluster, dumper.managedObjects(pipeline.clusters().get(cluster).client()).size());
    }
    return held;
  }

  private List<SimulatedCluster> workloadClusters(DemoPipeline pipeline) {
    Map<String, SimulatedCluster> all = pipeline.clusters();
    return options.size().workloadClusters().stream().map(all::get).toList();
  }

  private List<KubernetesClient> workloadClients(DemoPipeline pipeline) {
    return workloadClusters(pipeline).stream().map(SimulatedCluster::client).toList();
  }
}
