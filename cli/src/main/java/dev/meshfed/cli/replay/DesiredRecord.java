package dev.meshfed.cli.replay;

/**
 * One record of a desired topic: the key's identity, the manifest JSON (null for a tombstone), the
 * record's timestamp and its offset.
 */
public record DesiredRecord(String key, String manifest, long timestamp, long offset) {

  public boolean isTombstone() {
    return manifest == null;
  }
}
