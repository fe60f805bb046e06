package dev.meshfed.lab.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/** A line of progress every few seconds while the bench waits: elapsed time and what is pending. */
final class ProgressLine {

  private static final Duration EVERY = Duration.ofSeconds(5);
  private static final int SHOWN = 3;

  private final PrintStream out;
  private final long startNanos;
  private long lastNanos;

  ProgressLine(PrintStream out, long startNanos) {
    this.out = out;
    this.startNanos = startNanos;
    this.lastNanos = startNanos;
  }

  void maybePrint(List<String> pending) {
    long now = System.nanoTime();
    if (now - lastNanos < EVERY.toNanos()) {
      return;
    }
    lastNanos = now;
    out.println("  " + line(Duration.ofNanos(now - startNanos), pending));
  }

  static String line(Duration elapsed, List<String> pending) {
    String shown = String.join("; ", pending.subList(0, Math.min(SHOWN, pending.size())));
    String more = pending.size() > SHOWN ? " (+" + (pending.size() - SHOWN) + " more)" : "";
    return String.format(
        "%3d s: %s%s", elapsed.toSeconds(), pending.isEmpty() ? "settling" : shown, more);
  }
}
