package dev.meshfed.cli.status;

import dev.meshfed.schema.discovery.DiscoveredObject;
import java.time.Instant;

/**
 * One record of a discovered topic; its cluster is the topic's.
 *
 * @param value null for a tombstone
 */
public record DiscoveredRecord(
    String kind, String namespace, String name, DiscoveredObject value, long timestamp) {

  String key() {
    return key(kind, namespace, name);
  }

  /** A record's key on a topic keyed by DiscoveryKey: the discovered and the status topics. */
  static String key(String kind, String namespace, String name) {
    return kind + "/" + namespace + "/" + name;
  }

  boolean isTombstone() {
    return value == null;
  }

  Object payload() {
    return value == null ? null : value.getPayload();
  }

  Instant time() {
    return Instant.ofEpochMilli(timestamp);
  }
}
