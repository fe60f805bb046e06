package dev.meshfed.lab.bench;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How busy the JIT compilers of the bench's processes (the services and the test bed) were over a
 * span of wall-clock time, in cores. While they compile, the change paths run interpreted or at C1
 * and the compilers take CPU from the pipeline: ten warm-up changes left them compiling a fifth of
 * the machine through the timed changes, and doubled translation's stage (3x100, 2026-12-04).
 */
final class JitWatch {

  private final List<WorkCpu> processes;
  private final long startNanos;
  private final Duration startCompiling;

  private JitWatch(List<WorkCpu> processes) {
    this.processes = processes;
    this.startNanos = System.nanoTime();
    this.startCompiling = compiling();
  }

  /** Starts watching now; empty where Linux's per-thread statistics are missing. */
  static Optional<JitWatch> start(List<ProcessHandle> processes) {
    List<WorkCpu> watched =
        processes.stream().map(p -> WorkCpu.of(p.pid())).flatMap(Optional::stream).toList();
    return watched.size() == processes.size()
        ? Optional.of(new JitWatch(watched))
        : Optional.empty();
  }

  /** Compiler CPU since the start over wall time since the start: 1.0 is one core throughout. */
  double cores() {
    long wall = Math.max(1, System.nanoTime() - startNanos);
    return (double) compiling().minus(startCompiling).toNanos() / wall;
  }

  private Duration compiling() {
    return processes.stream().map(WorkCpu::compiling).reduce(Duration.ZERO, Duration::plus);
  }
}
