package dev.meshfed.cli.status;

import java.util.OptionalLong;

/**
 * How far translation's consumer group has read a cluster's discovered topic (summed over its
 * partitions).
 *
 * @param logStartOffset the first offset still on the topic
 * @param endOffset the offset the next record will get
 * @param committed the group's committed offset; null when it has none for this topic
 */
public record TranslationProgress(long logStartOffset, long endOffset, Long committed) {

  /**
   * Records translation has not processed yet; empty when the group has committed nothing at all
   * (translation never ran here, or under another application id), so the lag is unknown.
   */
  OptionalLong lag(boolean groupHasOffsets) {
    if (!groupHasOffsets) {
      return OptionalLong.empty();
    }
    // a topic the group has no offset for is one it has not read any of yet
    long done = committed == null ? logStartOffset : committed;
    return OptionalLong.of(Math.max(0, endOffset - done));
  }
}
