package dev.meshfed.lab.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WorkCpuTest {

  @Test
  void readsTheRunTimeFromSchedstatsFirstField() {
    assertThat(WorkCpu.runNanos("272081193 32325823 467\n")).isEqualTo(272_081_193L);
  }

  @Test
  void leavesTheJitCompilerThreadsOut() {
    assertThat(WorkCpu.isCompiler("C2 CompilerThre")).isTrue();
    assertThat(WorkCpu.isCompiler("C1 CompilerThre")).isTrue();
    assertThat(WorkCpu.isCompiler("meshfed-transla")).isFalse();
  }

  @Test
  void tellsTheGarbageCollectorsAndTheVmThreadApart() {
    assertThat(WorkCpu.isCollector("GC Thread#0")).isTrue();
    assertThat(WorkCpu.isCollector("G1 Conc#0")).isTrue();
    assertThat(WorkCpu.isCollector("G1 Refine#0")).isTrue();
    assertThat(WorkCpu.isCollector("VM Thread")).isTrue();
    assertThat(WorkCpu.isCollector("VM Periodic Tas")).isFalse();
    assertThat(WorkCpu.isCollector("C2 CompilerThre")).isFalse();
    assertThat(WorkCpu.isCollector("meshfed-transla")).isFalse();
  }

  @Test
  void tellsRocksDbsFlushAndCompactionThreadsApart() {
    assertThat(WorkCpu.isStateStoreBackground("rocksdb:low")).isTrue();
    assertThat(WorkCpu.isStateStoreBackground("rocksdb:high")).isTrue();
    assertThat(WorkCpu.isStateStoreBackground("kafka-producer-")).isFalse();
  }

  @Test
  void thisJvmsWorkGrowsWhileItComputes() {
    Optional<WorkCpu> work = WorkCpu.of(ProcessHandle.current().pid());
    assumeThat(work).as("Linux per-thread scheduler statistics").isPresent();
    Duration before = work.get().now();
    // spin for 50 ms of this thread's own CPU time, not wall time: a loaded machine may give a
    // thread little CPU in 50 ms of wall time
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long spin = threads.getCurrentThreadCpuTime() + 50_000_000;
    long sink = 0;
    while (threads.getCurrentThreadCpuTime() < spin) {
      sink += System.nanoTime() % 7;
    }
    assertThat(sink).isNotNegative();
    assertThat(work.get().now().minus(before)).isGreaterThan(Duration.ofMillis(40));
  }
}
