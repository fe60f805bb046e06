package dev.meshfed.cli.audit;

import dev.meshfed.cli.replay.DiscoveredHistory;
import dev.meshfed.schema.discovery.DiscoveredObject;
import dev.meshfed.schema.discovery.DiscoveryKey;
import dev.meshfed.schema.kafka.Topics;
import dev.meshfed.translation.records.Recomputation;
import dev.meshfed.translation.translate.TranslationSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Every cluster's inputs as the discovered topics recorded them as of an instant, in the
 * translator's terms, and what they cannot tell. No I/O.
 *
 * @param clusters the clusters with a discovered topic
 * @param count how many inputs the topics held at the instant
 * @param recomputation the inputs as translation holds them
 * @param notes what the topics cannot tell about the instant, one sentence each
 */
public record RecordedInputs(
    Instant at, List<String> clusters, int count, Recomputation recomputation, List<String> notes) {

  /**
   * @param discovered every discovered topic, by cluster
   * @param now when the reader runs, for what compaction may have folded
   * @param settings the translation's settings, to check that its management cluster is known
   */
  public static RecordedInputs of(
      Map<String, DiscoveredHistory> discovered,
      Instant at,
      Instant now,
      TranslationSettings settings) {
    SortedMap<String, Map<DiscoveryKey, DiscoveredObject>> snapshot = new TreeMap<>();
    List<String> notes = new ArrayList<>();
    new TreeMap<>(discovered)
        .forEach(
            (cluster, history) -> {
              snapshot.put(cluster, history.stateAt(at));
              notes.addAll(history.coverage(at).inputLimits(cluster, at, now));
            });
    if (!discovered.containsKey(settings.managementCluster())) {
      notes.add(
          "the management cluster "
              + settings.managementCluster()
              + " has no discovered topic, so no Workspace is honoured (see"
              + " --management-cluster)");
    }
    Recomputation recomputation = Recomputation.of(snapshot);
    recomputation
        .ignored()
        .forEach(
            id ->
                notes.add(
                    "input "
                        + id.ref()
                        + " has a payload of no kind this version knows: ignored, as"
                        + " translation-service of this version ignores it"));
    return new RecordedInputs(
        at,
        List.copyOf(snapshot.keySet()),
        snapshot.values().stream().mapToInt(Map::size).sum(),
        recomputation,
        List.copyOf(notes));
  }

  /** One line: how many inputs, from which topics, as of when. */
  public String summary() {
    return count
        + (count == 1 ? " input" : " inputs")
        + " recorded as of "
        + at
        + " in "
        + (clusters.isEmpty()
            ? "no discovered topic"
            : Topics.DISCOVERED_PREFIX + "{" + String.join(",", clusters) + "}");
  }
}
