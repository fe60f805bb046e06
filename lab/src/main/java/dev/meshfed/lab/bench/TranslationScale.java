package dev.meshfed.lab.bench;

import java.util.Map;
import java.util.TreeMap;

/**
 * How translation ran in a bench, and what each instance spent on the timed changes.
 *
 * @param partitions how many ways the units were split ({@code meshfed.translation.partitions})
 * @param cpuPerChangeMicros each instance's CPU time per timed change, its idle rate taken out
 */
public record TranslationScale(int partitions, Map<String, Long> cpuPerChangeMicros) {

  public TranslationScale {
    cpuPerChangeMicros =
        java.util.Collections.unmodifiableSortedMap(new TreeMap<>(cpuPerChangeMicros));
  }

  public int instances() {
    return cpuPerChangeMicros.size();
  }

  public long totalCpuPerChangeMicros() {
    return cpuPerChangeMicros.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Changes translated per second of translation CPU, all instances together. */
  public double changesPerCpuSecond() {
    return 1_000_000.0 / Math.max(1, totalCpuPerChangeMicros());
  }
}
