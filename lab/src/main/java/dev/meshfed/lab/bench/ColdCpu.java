package dev.meshfed.lab.bench;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * CPU time each process used during a cold start: each service's since it started, and the test
 * bed's (this JVM: broker, API servers and the harness) since the cold start began. On a machine
 * the processes share, cold convergence is bounded below by their sum over the cores.
 */
final class ColdCpu {

  /** The bench's own process: the broker, the simulated API servers and the probes. */
  static final String TEST_BED = "test bed and harness";

  private final Duration testBedBefore;
  private final Optional<RuntimeCpu> testBedRuntimeBefore;

  private ColdCpu() {
    ProcessHandle testBed = ProcessHandle.current();
    this.testBedBefore = total(testBed);
    this.testBedRuntimeBefore = RuntimeCpu.of(testBed.pid());
  }

  /** Starts counting the test bed's CPU now. */
  static ColdCpu start() {
    return new ColdCpu();
  }

  /** Each process's CPU time, by name, the test bed's under {@link #TEST_BED}. */
  Map<String, Duration> used(Map<String, ProcessHandle> services) {
    Map<String, Duration> cpu = new TreeMap<>();
    services.forEach((name, process) -> cpu.put(name, total(process)));
    cpu.put(TEST_BED, total(ProcessHandle.current()).minus(testBedBefore));
    return cpu;
  }

  /** The part of {@link #used} the runtimes used; empty unless known for every process. */
  Map<String, RuntimeCpu> usedByRuntimes(Map<String, ProcessHandle> services) {
    Map<String, RuntimeCpu> cpu = new TreeMap<>();
    services.forEach(
        (name, process) ->
            RuntimeCpu.of(process.pid()).ifPresent(runtime -> cpu.put(name, runtime)));
    RuntimeCpu.of(ProcessHandle.current().pid())
        .flatMap(now -> testBedRuntimeBefore.map(now::minus))
        .ifPresent(runtime -> cpu.put(TEST_BED, runtime));
    return cpu.size() == services.size() + 1 ? cpu : Map.of();
  }

  private static Duration total(ProcessHandle process) {
    return process.info().totalCpuDuration().orElse(Duration.ZERO);
  }
}
