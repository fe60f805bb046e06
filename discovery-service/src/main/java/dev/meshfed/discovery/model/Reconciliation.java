package dev.meshfed.discovery.model;

import dev.meshfed.schema.discovery.DiscoveryKey;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Once the cluster is listed: the writes that make the topic say what the cluster has, whatever the
 * topic held before (it may be from before a restart).
 */
public final class Reconciliation {

  /** The current writes of every listed object, then tombstones for what no object owns now. */
  public record Plan(List<Write> current, List<Write> staleTombstones) {

    public List<Write> all() {
      return Stream.concat(current.stream(), staleTombstones.stream()).toList();
    }
  }

  private Reconciliation() {}

  public static Plan plan(Collection<DiscoveryKey> topicKeys, List<Write> currentWrites) {
    Set<DiscoveryKey> present =
        currentWrites.stream()
            .filter(write -> !write.isTombstone())
            .map(Write::key)
            .collect(Collectors.toSet());
    return new Plan(currentWrites, staleTombstones(topicKeys, present));
  }

  /**
   * Tombstones for every key of the topic that no watched object owns now, in key order. The Agent
   * record is no watched object: it is republished, never tombstoned.
   */
  public static List<Write> staleTombstones(
      Collection<DiscoveryKey> topicKeys, Set<DiscoveryKey> presentKeys) {
    return topicKeys.stream()
        .filter(key -> !key.equals(AgentRecord.KEY))
        .filter(key -> !presentKeys.contains(key))
        .sorted(Keys.ORDER)
        .map(Write::tombstone)
        .toList();
  }
}
