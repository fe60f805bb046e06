package dev.meshfed.lab.bench;

import java.util.Map;
import java.util.TreeMap;

/**
 * How translation ran in a bench, and what each instance spent on the timed changes.
 *
 * @param partitions how many ways the units were split ({@code meshfed.translation.partitions})
 * @param cpuPerChangeMicros each instance's CPU time per timed change, its idle rate taken out
 * @param stateStoreCpuPerChangeMicros the part of it RocksDB's flushes and compactions ran
 */
public record TranslationScale(
    int partitions,
    Map<String, Long> cpuPerChangeMicros,
    Map<String, Long> stateStoreCpuPerChangeMicros) {

  public TranslationScale {
    cpuPerChangeMicros =
        java.util.Collections.unmodifiableSortedMap(new TreeMap<>(cpuPerChangeMicros));
    stateStoreCpuPerChangeMicros =
        java.util.Collections.unmodifiableSortedMap(new TreeMap<>(stateStoreCpuPerChangeMicros));
  }

  public int instances() {
    return cpuPerChangeMicros.size();
  }

  public long totalCpuPerChangeMicros() {
    return cpuPerChangeMicros.values().stream().mapToLong(Long::longValue).sum();
  }

  public long totalStateStoreCpuPerChangeMicros() {
    return stateStoreCpuPerChangeMicros.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Changes translated per second of translation CPU, all instances together. */
  public double changesPerCpuSecond() {
    return 1_000_000.0 / Math.max(1, totalCpuPerChangeMicros());
  }
}
