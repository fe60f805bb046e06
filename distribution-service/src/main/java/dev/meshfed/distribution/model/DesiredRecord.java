package dev.meshfed.distribution.model;

import java.util.Objects;

/** A decoded desired record: the manifest JSON, or null for a tombstone (must not exist). */
public record DesiredRecord(ObjectKey key, String manifest, String origin) implements TopicRecord {

  public DesiredRecord {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(origin, "origin");
  }

  public static DesiredRecord tombstone(ObjectKey key, String origin) {
    return new DesiredRecord(key, null, origin);
  }

  public boolean isTombstone() {
    return manifest == null;
  }
}
