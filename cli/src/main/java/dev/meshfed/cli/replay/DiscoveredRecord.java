package dev.meshfed.cli.replay;

import dev.meshfed.schema.discovery.DiscoveredObject;
import dev.meshfed.schema.discovery.DiscoveryKey;

/**
 * One record of a discovered topic; its cluster is the topic's.
 *
 * @param value null for a tombstone
 */
public record DiscoveredRecord(
    DiscoveryKey key, DiscoveredObject value, long timestamp, long offset) {

  public boolean isTombstone() {
    return value == null;
  }
}
