package dev.meshfed.lab.bench;

import java.time.Duration;
import java.util.Optional;

/**
 * The part of a JVM's CPU time that its runtime spent rather than its code: the JIT compilers, and
 * the garbage collector with the safepoint operations of the VM thread. In a cold start both run on
 * the cores the pipeline and the API servers share. Time of threads that have ended is not counted.
 */
public record RuntimeCpu(Duration compiling, Duration collecting) {

  /** Empty where the platform has no per-thread scheduler statistics. */
  static Optional<RuntimeCpu> of(long pid) {
    return WorkCpu.of(pid)
        .map(threads -> new RuntimeCpu(threads.compiling(), threads.collecting()));
  }

  RuntimeCpu minus(RuntimeCpu earlier) {
    return new RuntimeCpu(compiling.minus(earlier.compiling), collecting.minus(earlier.collecting));
  }
}
