package dev.meshfed.distribution.model;

/** A record whose key or value could not be decoded: it is counted as failed and skipped. */
public record UndecodableRecord(RecordPosition position, String reason) implements TopicRecord {}
