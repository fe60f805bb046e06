package dev.meshfed.lab.bench;

import java.time.Duration;
import java.util.Optional;

/**
 * A process's CPU time over laps of wall-clock time. The first lap is taken as idle; a later lap is
 * reported net of what the process would have spent idle over as long.
 */
final class CpuClock {

  private final ProcessHandle process;
  private final Optional<WorkCpu> work;
  private long lapStartNanos;
  private Duration lapStartCpu;
  private double idleCpuPerWall = Double.NaN;

  CpuClock(ProcessHandle process) {
    this.process = process;
    this.work = WorkCpu.of(process.pid());
    startLap();
  }

  /** Ends the idle lap and starts the next. */
  void lap() {
    idleCpuPerWall = (double) cpuSinceLap().toNanos() / wallSinceLap();
    startLap();
  }

  /** Starts the lap afresh, keeping the idle rate: what came before is not counted. */
  void restartLap() {
    startLap();
  }

  /**
   * CPU time of the lap since {@link #lap()} (or {@link #restartLap()}), less the idle rate over
   * its wall time.
   */
  Duration lapNetOfIdle() {
    if (Double.isNaN(idleCpuPerWall)) {
      throw new IllegalStateException("no idle lap was taken");
    }
    long net = cpuSinceLap().toNanos() - Math.round(idleCpuPerWall * wallSinceLap());
    return Duration.ofNanos(Math.max(0, net));
  }

  private void startLap() {
    lapStartNanos = System.nanoTime();
    lapStartCpu = cpu();
  }

  private Duration cpuSinceLap() {
    return cpu().minus(lapStartCpu);
  }

  private long wallSinceLap() {
    return Math.max(1, System.nanoTime() - lapStartNanos);
  }

  /** What the process's threads spent on work (JIT compilation excluded where Linux tells it). */
  private Duration cpu() {
    if (work.isPresent()) {
      return work.get().now();
    }
    return process
        .info()
        .totalCpuDuration()
        .orElseThrow(() -> new IllegalStateException("no CPU time for process " + process.pid()));
  }
}
