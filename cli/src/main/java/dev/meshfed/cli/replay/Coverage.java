package dev.meshfed.cli.replay;

import dev.meshfed.schema.kafka.Topics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * How much a desired topic knows about one instant.
 *
 * @param earliest the timestamp of the topic's earliest record; null when it holds none
 * @param recordsAtOrBefore how many of its records are stamped at or before the instant
 * @param logStartOffset how many records were deleted from the head of the log
 */
public record Coverage(Instant earliest, long recordsAtOrBefore, long logStartOffset) {

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
}
