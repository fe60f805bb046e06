package dev.meshfed.lab.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

/**
 * The untimed changes before the timed ones: at least a minimum, then rounds until the JIT
 * compilers of the bench's processes have gone quiet, or a maximum. A change path's methods reach
 * C2 only after thousands of invocations, one compiler thread at a time: at 20×100 grouped, the
 * stream thread spent 10.4 ms per change after 100 warm-up changes and 5.7 ms after 2,000, while
 * the compilers of all processes were still busy 0.42 cores (session 25). A fixed count either
 * measured the interpreter and C1 or waited longer than needed.
 *
 * @param minimum changes made before the compilers are first asked
 * @param maximum changes made at most, quiet or not
 * @param quietCores the compilers' CPU over a round, summed over the processes, below which they
 *     count as quiet (1.0: one core throughout)
 */
public record WarmUp(int minimum, int maximum, double quietCores) {

  static final int ROUND = 100;

  public WarmUp {
    if (minimum < 0 || maximum < minimum) {
      throw new IllegalArgumentException(
          "warm-up changes: need 0 <= minimum <= maximum, got " + minimum + " and " + maximum);
    }
  }

  /**
   * Makes the warm-up changes, the first of {@code plan} (which holds at least {@link #maximum});
   * returns how many it made.
   */
  int run(
      PropagationProbe probe,
      List<BenchChange> plan,
      List<ProcessHandle> processes,
      PrintStream progress)
      throws InterruptedException {
    int made = 0;
    int round = minimum;
    while (round > 0) {
      Optional<JitWatch> jit = JitWatch.start(processes);
      int before = made;
      ProgressLine line = new ProgressLine(progress, System.nanoTime());
      probe.measure(
          plan.subList(made, made + round),
          n -> line.maybePrint(List.of((before + n) + " warm-up changes made")));
      made += round;
      if (jit.isEmpty()) {
        break;
      }
      double cores = jit.get().cores();
      progress.printf(
          "  %d warm-up changes made; JIT compilers busy %.2f cores over the last %d%n",
          made, cores, round);
      round = nextRound(made, cores);
    }
    return made;
  }

  /**
   * The next round's changes, once {@code made} are made and the compilers ran at {@code cores}.
   */
  int nextRound(int made, double cores) {
    return cores < quietCores ? 0 : Math.min(ROUND, maximum - made);
  }
}
