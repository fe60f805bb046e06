package dev.meshfed.lab.bench;

import java.time.Duration;
import java.util.Optional;

/**
 * A process's CPU time over laps of wall-clock time. The first lap is taken as idle; a later lap is
 * reported net of what the process would have spent idle over as long. RocksDB's flushes and
 * compactions ({@link WorkCpu#background()}) are never idle: they are the deferred cost of earlier
 * writes, and whether one falls into the idle lap or into the next is chance. They are counted
 * whole wherever they fall, and apart ({@link #lapBackground()}).
 */
final class CpuClock {

  private final ProcessHandle process;
  private final Optional<WorkCpu> work;
  private long lapStartNanos;
  private Duration lapStartForeground;
  private Duration lapStartBackground;
  private double idleCpuPerWall = Double.NaN;

  CpuClock(ProcessHandle process) {
    this.process = process;
    this.work = WorkCpu.of(process.pid());
    startLap();
  }

  /** Ends the idle lap and starts the next. */
  void lap() {
    idleCpuPerWall = (double) foregroundSinceLap().toNanos() / wallSinceLap();
    startLap();
  }

  /** Starts the lap afresh, keeping the idle rate: what came before is not counted. */
  void restartLap() {
    startLap();
  }

  /**
   * CPU time of the lap since {@link #lap()} (or {@link #restartLap()}), less the idle rate over
   * its wall time; RocksDB's background work included.
   */
  Duration lapNetOfIdle() {
    if (Double.isNaN(idleCpuPerWall)) {
      throw new IllegalStateException("no idle lap was taken");
    }
    long net = foregroundSinceLap().toNanos() - Math.round(idleCpuPerWall * wallSinceLap());
    return Duration.ofNanos(Math.max(0, net)).plus(lapBackground());
  }

  /** What RocksDB's threads ran since the lap started: part of {@link #lapNetOfIdle()}. */
  Duration lapBackground() {
    return background().minus(lapStartBackground);
  }

  private void startLap() {
    lapStartNanos = System.nanoTime();
    lapStartBackground = background();
    lapStartForeground = all().minus(lapStartBackground);
  }

  private Duration foregroundSinceLap() {
    return all().minus(background()).minus(lapStartForeground);
  }

  private long wallSinceLap() {
    return Math.max(1, System.nanoTime() - lapStartNanos);
  }

  private Duration background() {
    return work.map(WorkCpu::background).orElse(Duration.ZERO);
  }

  /** What the process's threads spent on work (JIT compilation excluded where Linux tells it). */
  private Duration all() {
    if (work.isPresent()) {
      return work.get().now();
    }
    return process
        .info()
        .totalCpuDuration()
        .orElseThrow(() -> new IllegalStateException("no CPU time for process " + process.pid()));
  }
}
