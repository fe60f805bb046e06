package dev.meshfed.cli.status;

import dev.meshfed.schema.status.InputStatus;

/**
 * One record of a status topic: translation's status for an input of the topic's cluster.
 *
 * @param value null for a tombstone (the input is gone, or translation gives it no status)
 */
public record InputStatusRecord(String kind, String namespace, String name, InputStatus value) {

  String key() {
    return DiscoveredRecord.key(kind, namespace, name);
  }

  boolean isTombstone() {
    return value == null;
  }
}
