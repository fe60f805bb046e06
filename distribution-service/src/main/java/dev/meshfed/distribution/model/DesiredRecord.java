package dev.meshfed.distribution.model;

import java.util.Objects;

/** A decoded desired record: the manifest JSON, or null for a tombstone (must not exist). */
public record DesiredRecord(ObjectKey key, String manifest, RecordPosition position)
    implements TopicRecord {

  public DesiredRecord {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(position, "position");
  }

  public static DesiredRecord tombstone(ObjectKey key, RecordPosition position) {
    return new DesiredRecord(key, null, position);
  }

  public boolean isTombstone() {
    return manifest == null;
  }
}
