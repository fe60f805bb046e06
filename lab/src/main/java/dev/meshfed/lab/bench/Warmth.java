package dev.meshfed.lab.bench;

/**
 * How warm the processes were when the timed changes ran.
 *
 * @param warmUpChanges untimed changes made first
 * @param jitCores the JIT compilers' CPU during the timed changes, summed over the processes, over
 *     their wall time (1.0: one core throughout); negative where it could not be read
 */
public record Warmth(int warmUpChanges, double jitCores) {}
