package dev.meshfed.lab.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The CPU time a JVM's threads spent on its work: every thread but the JIT compiler's, read in
 * nanoseconds from Linux's per-thread scheduler statistics. Compilation is a warm-up cost that goes
 * on long after a bench's warm-up changes, and would otherwise dominate a few milliseconds of work
 * per change. Time of threads that have ended is not counted. {@link #background()} is the part of
 * it RocksDB's own threads spent: flushes and compactions of what state stores were written, which
 * run whenever RocksDB decides, a while after the writes.
 */
final class WorkCpu {

  private final Path tasks;

  private WorkCpu(Path tasks) {
    this.tasks = tasks;
  }

  /** Empty where the platform has no per-thread scheduler statistics. */
  static Optional<WorkCpu> of(long pid) {
    Path tasks = Path.of("/proc", Long.toString(pid), "task");
    return Files.isDirectory(tasks) ? Optional.of(new WorkCpu(tasks)) : Optional.empty();
  }

  Duration now() {
    return sum(name -> !isCompiler(name));
  }

  /** What RocksDB's threads have run (part of {@link #now()}). */
  Duration background() {
    return sum(WorkCpu::isStateStoreBackground);
  }

  /** What the JIT compiler's threads have run: how far from warm the process still is. */
  Duration compiling() {
    return sum(WorkCpu::isCompiler);
  }

  private Duration sum(Predicate<String> threadNames) {
    try (Stream<Path> threads = Files.list(tasks)) {
      return Duration.ofNanos(threads.mapToLong(thread -> runNanos(thread, threadNames)).sum());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + tasks, e);
    }
  }

  /** What the garbage collector's threads and the VM thread (its safepoint operations) have run. */
  Duration collecting() {
    return sum(WorkCpu::isCollector);
  }

  static boolean isCompiler(String threadName) {
    return threadName.startsWith("C1 CompilerThre") || threadName.startsWith("C2 CompilerThre");
  }

  /**
   * HotSpot's names, as Linux shortens them to 15 characters: "GC Thread#0" (the parallel workers
   * of every collector), "G1 Conc#0", "G1 Refine#0", "G1 Main Marker", "G1 Service", "VM Thread".
   */
  static boolean isCollector(String threadName) {
    return threadName.startsWith("GC Thread")
        || threadName.startsWith("G1 ")
        || threadName.equals("VM Thread");
  }

  /** RocksDB names its flush and compaction threads rocksdb:low and rocksdb:high. */
  static boolean isStateStoreBackground(String threadName) {
    return threadName.startsWith("rocksdb:");
  }

  /** The first field of schedstat: nanoseconds the thread has run. */
  static long runNanos(String schedstat) {
    return Long.parseLong(schedstat.trim().split("\\s+")[0]);
  }

  private static long runNanos(Path thread, Predicate<String> threadNames) {
    try {
      if (!threadNames.test(Files.readString(thread.resolve("comm")).trim())) {
        return 0;
      }
      return runNanos(Files.readString(thread.resolve("schedstat")));
    } catch (NoSuchFileException e) {
      return 0; // the thread ended while the directory was read
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + thread, e);
    }
  }
}
