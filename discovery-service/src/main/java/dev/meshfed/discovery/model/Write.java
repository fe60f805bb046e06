package dev.meshfed.discovery.model;

import dev.meshfed.schema.discovery.DiscoveredObject;
import dev.meshfed.schema.discovery.DiscoveryKey;
import java.util.List;
import java.util.Objects;

/** One record for the discovered topic; a null value is a tombstone. */
public record Write(DiscoveryKey key, DiscoveredObject value) {

  public Write {
    Objects.requireNonNull(key, "key");
  }

  public static Write tombstone(DiscoveryKey key) {
    return new Write(key, null);
  }

  /** The same record, carrying the problems met reading its object (none: unchanged). */
  Write withProblems(List<String> problems) {
    if (isTombstone() || problems.isEmpty()) {
      return this;
    }
    return new Write(key, DiscoveredObject.newBuilder(value).setProblems(problems).build());
  }

  public boolean isTombstone() {
    return value == null;
  }

  @Override
  public String toString() {
    return (isTombstone() ? "tombstone " : "") + Keys.describe(key);
  }
}
