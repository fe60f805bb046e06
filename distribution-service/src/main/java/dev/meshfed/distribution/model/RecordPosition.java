package dev.meshfed.distribution.model;

/**
 * Where a record was read: its topic, partition and offset; and when it was written (its Kafka
 * timestamp, epoch milliseconds; {@link #UNKNOWN_TIME} if it has none).
 */
public record RecordPosition(String topic, int partition, long offset, long writtenAt) {

  public static final long UNKNOWN_TIME = -1;

  /** A record whose write time is unknown. */
  public RecordPosition(String topic, int partition, long offset) {
    this(topic, partition, offset, UNKNOWN_TIME);
  }

  /** As log messages name it, e.g. {@code meshfed.desired.c1-0@42}. */
  @Override
  public String toString() {
    return topic + "-" + partition + "@" + offset;
  }
}
