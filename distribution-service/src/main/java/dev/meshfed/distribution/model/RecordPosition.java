package dev.meshfed.distribution.model;

/** Where a record was read: its topic, partition and offset. */
public record RecordPosition(String topic, int partition, long offset) {

  /** As log messages name it, e.g. {@code meshfed.desired.c1-0@42}. */
  @Override
  public String toString() {
    return topic + "-" + partition + "@" + offset;
  }
}
