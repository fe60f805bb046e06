package dev.meshfed.distribution.model;

/** One record read from a desired topic, decoded or not. */
public sealed interface TopicRecord permits DesiredRecord, UndecodableRecord {

  RecordPosition position();

  /** Where the record was read, e.g. {@code meshfed.desired.c1-0@42}: for log messages. */
  default String origin() {
    return position().toString();
  }
}
