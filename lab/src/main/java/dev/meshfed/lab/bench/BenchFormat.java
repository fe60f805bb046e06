package dev.meshfed.lab.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.meshfed.cli.output.Mappers;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A bench report as a table for people and as JSON for machines (durations in milliseconds). */
public final class BenchFormat {

  private static final String ROW = "%-22s %10s %10s %10s %10s  %s%n";

  private BenchFormat() {}

  public static String table(BenchReport r) {
    StringBuilder out = new StringBuilder();
    out.append("meshfed bench: ").append(title(r)).append(String.format("%n%n"));
    out.append(warmth(r.warmth()));
    out.append(String.format(ROW, "LATENCY (ms)", "P50", "P90", "P99", "MAX", ""));
    out.append(latencyRow("floor", r.floor().summary(), ""));
    out.append(
        latencyRow(
            "propagation",
            r.propagation().total().summary(),
            String.format("p50/floor %.2f (target <= 2)", r.propagationOverFloor())));
    r.propagation()
        .inOrder()
        .forEach(
            stage -> out.append(latencyRow("  " + stage.getKey(), stage.getValue().summary(), "")));
    if (r.size().grouped()) {
      r.propagation()
          .byChangeKind()
          .forEach(
              (kind, latencies) ->
                  out.append(
                      latencyRow(
                          "  " + changeLabel(kind),
                          latencies.summary(),
                          latencies.sortedMicros().size() + " changes")));
    }
    r.propagation().slowest().forEach(change -> out.append(slowestRow(change)));
    if (r.propagation().unattributed() > 0) {
      out.append(
          String.format(
              "  (%d changes not split into stages: a record was not seen)%n",
              r.propagation().unattributed()));
    }
    out.append(
        String.format(
            "%ncold convergence %s (services started after %s), apply floor %s: ratio %.2f to"
                + " apply floor + start-up (target <= 1.5), %.2f to apply floor%n",
            millis(r.coldConvergence()),
            millis(r.startUp()),
            millis(r.applyFloor()),
            r.coldOverApplyFloorAndStartUp(),
            r.coldOverApplyFloor()));
    r.ownObjectsApplyFloor()
        .ifPresent(
            floor ->
                out.append(
                    String.format(
                        "  apply floor of copies of the objects held %s: ratio %.2f to it +"
                            + " start-up%n",
                        millis(floor), r.coldOverOwnObjectsFloorAndStartUp().orElseThrow())));
    out.append(String.format("  CPU used meanwhile (s): %s%n", seconds(r.coldCpu())));
    if (!r.coldRuntimeCpu().isEmpty()) {
      out.append(
          String.format(
              "    of it compiling / collecting garbage (s): %s%n",
              perProcess(
                  r.coldRuntimeCpu(),
                  runtime ->
                      String.format(
                          "%.1f / %.1f",
                          runtime.compiling().toMillis() / 1000.0,
                          runtime.collecting().toMillis() / 1000.0))));
    }
    out.append(
        String.format(
            "  distribution CPU per object held: %.3f ms%n", r.distributionCpuPerObjectMillis()));
    out.append(
        String.format(
            "objects per cluster: %s (expected %d each)%s%n",
            r.objectsPerCluster(),
            r.expectedObjectsPerCluster(),
            r.everyClusterHoldsWhatItShould() ? "" : "  MISMATCH"));
    Footprint f = r.footprint();
    out.append(
        String.format(
            "translation CPU per change: %.2f ms; topics: %s; live heap: %s%n",
            f.translationCpuPerChangeMicros() / 1_000.0,
            mebibytes(f.topicBytes()),
            heaps(f.liveHeapBytes())));
    out.append(translation(r.translation()));
    return out.toString();
  }

  /**
   * "translation: 2 partitions over 2 instances, 3.10 ms CPU per change (…): 322 changes/CPU-s".
   */
  private static String translation(TranslationScale t) {
    String perInstance =
        t.cpuPerChangeMicros().entrySet().stream()
            .map(e -> String.format("%s %.2f", e.getKey(), e.getValue() / 1_000.0))
            .collect(java.util.stream.Collectors.joining(", "));
    return String.format(
        "translation: %d partitions over %d instances, %.2f ms CPU per change (%s; RocksDB flushes"
            + " and compactions %.2f of it): %.0f changes per second of translation CPU%n",
        t.partitions(),
        t.instances(),
        t.totalCpuPerChangeMicros() / 1_000.0,
        perInstance,
        t.totalStateStoreCpuPerChangeMicros() / 1_000.0,
        t.changesPerCpuSecond());
  }

  /** What was measured, in a line: the size and the number of changes. */
  public static String title(BenchReport r) {
    BenchSize size = r.size();
    String grouped =
        size.grouped()
            ? String.format(", %d VirtualDestinations", size.virtualDestinationServices().size())
            : "";
    return String.format(
        "%d clusters x %d services over %d namespaces%s, %d changes",
        size.clusters(), size.servicesPerCluster(), size.namespaces(), grouped, r.changes());
  }

  public static String table(IncrementalCost c) {
    return String.format(
        "incremental cost: translation CPU per change %.2f ms at %d services per cluster, %.2f ms at"
            + " %d: ratio %.2f (target <= 1.2)%n",
        c.cpuPerChangeMicros() / 1_000.0,
        c.servicesPerCluster(),
        c.tenfoldCpuPerChangeMicros() / 1_000.0,
        10 * c.servicesPerCluster(),
        c.ratio());
  }

  public static String json(IncrementalCost c) {
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("servicesPerCluster", c.servicesPerCluster());
    tree.put("cpuPerChangeMicros", c.cpuPerChangeMicros());
    tree.put("tenfoldCpuPerChangeMicros", c.tenfoldCpuPerChangeMicros());
    tree.put("ratio", c.ratio());
    return write(tree);
  }

  /** "after 200 warm-up changes; JIT compilers busy 0.04 cores during the timed changes". */
  private static String warmth(Warmth w) {
    String jit =
        w.jitCores() < 0
            ? "JIT compilers' CPU not measured"
            : String.format("JIT compilers busy %.2f cores during the timed changes", w.jitCores());
    return String.format("after %d warm-up changes; %s%n%n", w.warmUpChanges(), jit);
  }

  /** A slow change and its stages, e.g. " slowest: DELETE svc-3... 812.4 ms (4.1 + 20.3 + ...)". */
  private static String slowestRow(Propagation.TimedChange change) {
    String stages =
        change.stageMicros().isEmpty()
            ? "stages not seen"
            : change.stageMicros().stream()
                .map(micros -> String.format("%.1f", micros / 1000.0))
                .collect(java.util.stream.Collectors.joining(" + "));
    return String.format(
        "  slow: %s %s %.1f ms (%s)%n",
        change.kind(), change.host(), change.micros() / 1000.0, stages);
  }

  public static String json(BenchReport r) {
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("size", r.size());
    tree.put("changes", r.changes());
    tree.put("warmth", r.warmth());
    tree.put("floor", r.floor().summary());
    tree.put("propagation", r.propagation().total().summary());
    Map<String, LatencySummary> stages = new LinkedHashMap<>();
    r.propagation()
        .inOrder()
        .forEach(stage -> stages.put(stage.getKey(), stage.getValue().summary()));
    tree.put("propagationStages", stages);
    tree.put("unattributedChanges", r.propagation().unattributed());
    if (r.size().grouped()) {
      Map<String, LatencySummary> byKind = new LinkedHashMap<>();
      r.propagation().byChangeKind().forEach((kind, l) -> byKind.put(kind, l.summary()));
      tree.put("propagationByChangeKind", byKind);
    }
    tree.put("slowestChanges", r.propagation().slowest());
    tree.put("propagationOverFloor", r.propagationOverFloor());
    tree.put("coldConvergenceMs", r.coldConvergence().toMillis());
    tree.put("startUpMs", r.startUp().toMillis());
    Map<String, Long> coldCpuMs = new LinkedHashMap<>();
    r.coldCpu().forEach((process, cpu) -> coldCpuMs.put(process, cpu.toMillis()));
    tree.put("coldCpuMs", coldCpuMs);
    if (!r.coldRuntimeCpu().isEmpty()) {
      Map<String, Long> compiling = new LinkedHashMap<>();
      Map<String, Long> collecting = new LinkedHashMap<>();
      r.coldRuntimeCpu()
          .forEach(
              (process, runtime) -> {
                compiling.put(process, runtime.compiling().toMillis());
                collecting.put(process, runtime.collecting().toMillis());
              });
      tree.put("coldCpuCompilingMs", compiling);
      tree.put("coldCpuCollectingMs", collecting);
    }
    tree.put("distributionCpuPerObjectMs", r.distributionCpuPerObjectMillis());
    tree.put("applyFloorMs", r.applyFloor().toMillis());
    tree.put("coldOverApplyFloor", r.coldOverApplyFloor());
    tree.put("coldOverApplyFloorAndStartUp", r.coldOverApplyFloorAndStartUp());
    r.ownObjectsApplyFloor()
        .ifPresent(
            floor -> {
              tree.put("ownObjectsApplyFloorMs", floor.toMillis());
              tree.put(
                  "coldOverOwnObjectsFloorAndStartUp",
                  r.coldOverOwnObjectsFloorAndStartUp().orElseThrow());
            });
    tree.put("expectedObjectsPerCluster", r.expectedObjectsPerCluster());
    tree.put("objectsPerCluster", r.objectsPerCluster());
    tree.put("footprint", r.footprint());
    Map<String, Object> translation = new LinkedHashMap<>();
    translation.put("partitions", r.translation().partitions());
    translation.put("instances", r.translation().instances());
    translation.put("cpuPerChangeMicros", r.translation().cpuPerChangeMicros());
    translation.put("stateStoreCpuPerChangeMicros", r.translation().stateStoreCpuPerChangeMicros());
    translation.put("changesPerCpuSecond", r.translation().changesPerCpuSecond());
    tree.put("translation", translation);
    tree.put("samplesMicros", r.samplesMicros());
    return write(tree);
  }

  private static String write(Map<String, Object> tree) {
    try {
      return Mappers.INDENTED_JSON.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render the bench report", e);
    }
  }

  /** "port change", …; a VirtualDestination's: "VD port change" (the column is 22 wide). */
  private static String changeLabel(String kind) {
    return BenchChange.Kind.DESTINATION_PORT_CHANGE.name().equals(kind)
        ? "VD port change"
        : kind.toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  private static String latencyRow(String name, LatencySummary l, String note) {
    return String.format(ROW, name, fmt(l.p50()), fmt(l.p90()), fmt(l.p99()), fmt(l.max()), note);
  }

  private static String seconds(Map<String, Duration> cpu) {
    return perProcess(cpu, time -> String.format("%.1f", time.toMillis() / 1000.0));
  }

  private static String heaps(Map<String, Long> bytes) {
    return perProcess(bytes, BenchFormat::mebibytes);
  }

  /** "name value, name value, …" in the map's order. */
  private static <T> String perProcess(Map<String, T> values, Function<T, String> format) {
    return values.entrySet().stream()
        .map(e -> e.getKey() + " " + format.apply(e.getValue()))
        .collect(Collectors.joining(", "));
  }

  private static String mebibytes(long bytes) {
    return bytes < 0 ? "unknown" : String.format("%.1f MiB", bytes / (1024.0 * 1024));
  }

  private static String fmt(double ms) {
    return String.format("%.1f", ms);
  }

  private static String millis(Duration d) {
    return d.toMillis() + " ms";
  }
}
