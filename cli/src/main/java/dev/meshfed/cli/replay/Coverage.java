package dev.meshfed.cli.replay;

import dev.meshfed.schema.kafka.Topics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.LongStream;

/**
 * How much a desired or discovered topic knows about one instant.
 *
 * @param earliest the timestamp of the topic's earliest record; null when it holds none
 * @param recordsAtOrBefore how many of its records are stamped at or before the instant
 * @param logStartOffset how many records were deleted from the head of the log
 */
public record Coverage(Instant earliest, long recordsAtOrBefore, long logStartOffset) {

  /** The coverage of {@code at} by a topic whose records bear these timestamps. */
  public static Coverage of(LongStream timestamps, Instant at, long logStartOffset) {
    long[] all = timestamps.toArray();
    OptionalLong earliest = Arrays.stream(all).min();
    return new Coverage(
        earliest.isPresent() ? Instant.ofEpochMilli(earliest.getAsLong()) : null,
        Arrays.stream(all).filter(t -> t <= at.toEpochMilli()).count(),
        logStartOffset);
  }

  /** Whether the topic holds anything at or before the instant. */
  public boolean knowsAnything() {
    return recordsAtOrBefore > 0;
  }

  /**
   * What a replay of {@code cluster} at {@code at} cannot know, one sentence each, for a reader who
   * runs it at {@code now}.
   */
  public List<String> limits(String cluster, Instant at, Instant now) {
    List<String> limits = new ArrayList<>();
    if (earliest == null) {
      limits.add(
          logStartOffset == 0
              ? "cluster " + cluster + ": nothing was ever published"
              : "cluster "
                  + cluster
                  + ": all "
                  + logStartOffset
                  + " records were deleted from the topic; nothing is known");
      return limits;
    }
    if (!knowsAnything()) {
      limits.add(
          "cluster "
              + cluster
              + ": the topic's history starts at "
              + earliest
              + (logStartOffset == 0
                  ? ""
                  : " (" + logStartOffset + " earlier records were deleted)")
              + "; nothing is known before it");
      return limits;
    }
    if (logStartOffset > 0) {
      limits.add(
          "cluster "
              + cluster
              + ": "
              + logStartOffset
              + " records before "
              + earliest
              + " were deleted from the topic; an object last written before then is missing");
    }
    Instant compactable = now.minus(Topics.AUDIT_WINDOW);
    if (at.isBefore(compactable)) {
      limits.add(
          "cluster "
              + cluster
              + ": compaction may have folded changes older than "
              + compactable
              + "; what is shown is each object's latest record at or before "
              + at
              + " that survived compaction");
    }
    return limits;
  }

  /**
   * What a recompute from {@code cluster}'s discovered topic as of {@code at} cannot know, one
   * sentence each, for a reader who runs it at {@code now}. A topic that starts after {@code at} is
   * no limit: the cluster had not joined, and translation had none of its inputs either.
   */
  public List<String> inputLimits(String cluster, Instant at, Instant now) {
    List<String> limits = new ArrayList<>();
    String topic = Topics.DISCOVERED_PREFIX + cluster;
    if (logStartOffset > 0) {
      limits.add(
          "inputs of cluster "
              + cluster
              + ": the first "
              + logStartOffset
              + " records of "
              + topic
              + " were deleted; an input only they held is missing from the recompute");
    }
    Instant compactable = now.minus(Topics.AUDIT_WINDOW);
    if (knowsAnything() && at.isBefore(compactable)) {
      limits.add(
          "inputs of cluster "
              + cluster
              + ": compaction may have folded changes older than "
              + compactable
              + "; an input that changed after "
              + at
              + " may be missing from the recompute");
    }
    return limits;
  }
}
