package dev.meshfed.lab.bench;

import java.util.Collections;
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
 */
public record Propagation(
    Latencies total,
    Map<String, Latencies> stages,
    int unattributed,
    Map<String, Latencies> byChangeKind) {

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
  }

  public Propagation(Latencies total, Map<String, Latencies> stages, int unattributed) {
    this(total, stages, unattributed, Map.of());
  }

  /** The stages in pipeline order. */
  public List<Map.Entry<String, Latencies>> inOrder() {
    return STAGES.stream()
        .filter(stages::containsKey)
        .map(s -> Map.entry(s, stages.get(s)))
        .toList();
  }
}
