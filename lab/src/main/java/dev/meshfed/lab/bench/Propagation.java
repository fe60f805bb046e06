package dev.meshfed.lab.bench;

import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How long changes took to be applied everywhere, and where that time went.
 *
 * @param total from the start of the write in the source cluster to the last cluster's apply
 * @param stages by name, in {@link #STAGES} order
 * @param unattributed changes whose stages could not be told apart (a record was not seen)
 * @param byChangeKind the total of each kind of change apart, by {@link BenchChange.Kind} name
 * @param slowest the slowest changes, slowest first, each with its own stages: where a tail came
 *     from, which the percentiles of each stage apart do not tell
 */
public record Propagation(
    Latencies total,
    Map<String, Latencies> stages,
    int unattributed,
    Map<String, Latencies> byChangeKind,
    List<TimedChange> slowest) {

  /** How many of the slowest changes a report lists. */
  public static final int SLOWEST = 5;

  /**
   * One change: its kind, the host it shows in, its total and its stages in {@link #STAGES} order
   * (none if not attributed).
   */
  public record TimedChange(String kind, String host, long micros, List<Long> stageMicros) {

    public TimedChange {
      stageMicros = List.copyOf(stageMicros);
    }
  }

  /**
   * The source write (the API server's answer to it), discovery (from there to the discovered
   * record being readable), translation (to the last cluster's desired record being readable) and
   * distribution (to the last cluster's apply).
   */
  public static final List<String> STAGES =
      List.of("source write", "discovery", "translation", "distribution");

  public Propagation {
    stages = Map.copyOf(stages);
    byChangeKind = Collections.unmodifiableMap(new TreeMap<>(byChangeKind));
    slowest =
        slowest.stream()
            .sorted(Comparator.comparingLong(TimedChange::micros).reversed())
            .limit(SLOWEST)
            .toList();
  }

  public Propagation(Latencies total, Map<String, Latencies> stages, int unattributed) {
    this(total, stages, unattributed, Map.of(), List.of());
  }

  /** The stages in pipeline order. */
  public List<Map.Entry<String, Latencies>> inOrder() {
    return STAGES.stream()
        .filter(stages::containsKey)
        .map(s -> Map.entry(s, stages.get(s)))
        .toList();
  }
}
