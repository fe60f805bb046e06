package dev.meshfed.cli.replay;

import dev.meshfed.schema.discovery.DiscoveredObject;
import dev.meshfed.schema.discovery.DiscoveryKey;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The records of one discovered topic, from which a cluster's inputs as of any instant are rebuilt
 * as {@link DesiredHistory} rebuilds its desired config.
 */
public final class DiscoveredHistory {

  private final List<DiscoveredRecord> records;
  private final long logStartOffset;

  /**
   * @param logStartOffset how many records were deleted from the head of the log
   */
  public DiscoveredHistory(List<DiscoveredRecord> records, long logStartOffset) {
    this.records = List.copyOf(records);
    this.logStartOffset = logStartOffset;
  }

  public List<DiscoveredRecord> records() {
    return records;
  }

  /** The cluster's inputs as of {@code at}: each key's latest record then, unless a tombstone. */
  public Map<DiscoveryKey, DiscoveredObject> stateAt(Instant at) {
    Map<DiscoveryKey, DiscoveredObject> latest = new HashMap<>();
    records.stream()
        .filter(r -> r.timestamp() <= at.toEpochMilli())
        .sorted(Comparator.comparingLong(DiscoveredRecord::offset))
        .forEach(
            r -> {
              if (r.isTombstone()) {
                latest.remove(r.key());
              } else {
                latest.put(r.key(), r.value());
              }
            });
    return latest;
  }

  /** What the topic can tell about {@code at}. */
  public Coverage coverage(Instant at) {
    return Coverage.of(records.stream().mapToLong(DiscoveredRecord::timestamp), at, logStartOffset);
  }
}
