package dev.meshfed.discovery.model;

import dev.meshfed.schema.discovery.DiscoveredObject;
import dev.meshfed.schema.discovery.DiscoveryKey;
import java.util.Objects;

/** One record for the discovered topic; a null value is a tombstone. */
public record Write(DiscoveryKey key, DiscoveredObject value) {

  public Write {
    Objects.requireNonNull(key, "key");
  }

  public static Write tombstone(DiscoveryKey key) {
    return new Write(key, null);
  }

  public boolean isTombstone() {
    return value == null;
  }

  @Override
  public String toString() {
    return (isTombstone() ? "tombstone " : "") + Keys.describe(key);
  }
}
