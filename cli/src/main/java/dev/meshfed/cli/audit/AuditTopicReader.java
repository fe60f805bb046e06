package dev.meshfed.cli.audit;

import dev.meshfed.cli.kafka.TopicNames;
import dev.meshfed.cli.kafka.WholeTopic;
import dev.meshfed.cli.replay.DiscoveredHistory;
import dev.meshfed.cli.replay.DiscoveredRecord;
import dev.meshfed.schema.kafka.Topics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;

/**
 * Reads whole desired and discovered topics with provenance, as far as they reached when reading
 * began (read-committed), without a consumer group. Each discovered topic is read at most once.
 */
public final class AuditTopicReader {

  private final Properties kafka;
  private final Map<String, Optional<DiscoveredHistory>> discovered = new HashMap<>();

  public AuditTopicReader(Properties kafka) {
    this.kafka = kafka;
  }

  /** Every cluster that has a desired topic. */
  public SortedSet<String> desiredClusters() {
    return TopicNames.clusters(kafka, AuditTopicReader::clusterOfDesired);
  }

  /** Every cluster that has a discovered topic. */
  public SortedSet<String> discoveredClusters() {
    return TopicNames.clusters(kafka, Topics::clusterOfDiscovered);
  }

  /** The cluster's desired topic; empty when it does not exist. */
  public Optional<List<DesiredEntry>> desired(String cluster) {
    return desiredTopic(cluster).map(WholeTopic.Contents::records);
  }

  /** The cluster's desired topic with its log start; empty when it does not exist. */
  public Optional<WholeTopic.Contents<DesiredEntry>> desiredTopic(String cluster) {
    return WholeTopic.read(
        kafka,
        Topics.desired(cluster),
        r -> DesiredEntry.of(r.key(), r.value(), r.timestamp(), r.offset()));
  }

  /** The cluster's discovered records (none when it has no topic), read once and remembered. */
  public List<DiscoveredEntry> discovered(String cluster) {
    return discoveredHistory(cluster)
        .map(h -> h.records().stream().map(DiscoveredEntry::of).toList())
        .orElse(List.of());
  }

  /** The cluster's discovered topic, read once and remembered; empty when it does not exist. */
  public Optional<DiscoveredHistory> discoveredHistory(String cluster) {
    return discovered.computeIfAbsent(
        cluster,
        c ->
            WholeTopic.read(
                    kafka,
                    Topics.discovered(c),
                    r -> new DiscoveredRecord(r.key(), r.value(), r.timestamp(), r.offset()))
                .map(
                    contents ->
                        new DiscoveredHistory(contents.records(), contents.logStartOffset())));
  }

  /** Every discovered topic, by cluster, each read once and remembered. */
  public SortedMap<String, DiscoveredHistory> allDiscovered() {
    SortedMap<String, DiscoveredHistory> all = new TreeMap<>();
    for (String cluster : discoveredClusters()) {
      discoveredHistory(cluster).ifPresent(history -> all.put(cluster, history));
    }
    return all;
  }

  /** How many discovered topics were read. */
  public int discoveredTopicsRead() {
    return discovered.size();
  }

  /** The cluster a desired topic speaks for, if the name is one. */
  static Optional<String> clusterOfDesired(String topic) {
    if (!topic.startsWith(Topics.DESIRED_PREFIX)) {
      return Optional.empty();
    }
    String cluster = topic.substring(Topics.DESIRED_PREFIX.length());
    return Topics.CLUSTER_NAME.matcher(cluster).matches() ? Optional.of(cluster) : Optional.empty();
  }
}
