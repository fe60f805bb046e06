package dev.meshfed.discovery.sync;

import dev.meshfed.schema.discovery.DiscoveredObject;
import dev.meshfed.schema.discovery.DiscoveryKey;
import java.util.Map;

/** Reads the discovered topic from its beginning to the end offsets it has now. */
public interface TopicSnapshotReader {

  /** The latest value per key; keys whose latest record is a tombstone are absent. */
  Map<DiscoveryKey, DiscoveredObject> readToEnd();
}
