package dev.meshfed.cli.replay;

import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The records of one desired topic, from which the desired config as of any instant is rebuilt: for
 * each key, its latest record (by offset) stamped at or before that instant, unless that record is
 * a tombstone.
 */
public final class DesiredHistory {

  private final List<DesiredRecord> records;
  private final long logStartOffset;

  /**
   * @param logStartOffset how many records were deleted from the head of the log (the sum of the
   *     partitions' log start offsets; a desired topic has one partition)
   */
  public DesiredHistory(List<DesiredRecord> records, long logStartOffset) {
    this.records = List.copyOf(records);
    this.logStartOffset = logStartOffset;
  }

  /** The desired objects as of {@code at}, by key, in key order. */
  public Map<String, DesiredRecord> stateAt(Instant at) {
    Map<String, DesiredRecord> latest = new TreeMap<>();
    records.stream()
        .filter(r -> r.timestamp() <= at.toEpochMilli())
        .sorted(Comparator.comparingLong(DesiredRecord::offset))
        .forEach(r -> latest.put(r.key(), r));
    latest.values().removeIf(DesiredRecord::isTombstone);
    return Collections.unmodifiableMap(latest);
  }

  /** What the topic can tell about {@code at}. */
  public Coverage coverage(Instant at) {
    return Coverage.of(records.stream().mapToLong(DesiredRecord::timestamp), at, logStartOffset);
  }
}
