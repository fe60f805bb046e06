package dev.meshfed.discovery.model;

import dev.meshfed.schema.discovery.DiscoveredObject;
import dev.meshfed.schema.discovery.DiscoveryKey;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The latest record per key that the discovered topic holds, as far as this service knows: what it
 * read at start, then what it sent. A write that would not change it is not news. Not thread-safe:
 * one publishing thread owns it.
 */
public final class KnownRecords {

  private final Map<DiscoveryKey, DiscoveredObject> records;

  public KnownRecords(Map<DiscoveryKey, DiscoveredObject> topicSnapshot) {
    this.records = new HashMap<>(topicSnapshot);
  }

  /** A value that differs from the known one, or a tombstone for a key the topic holds. */
  public boolean isNews(Write write) {
    if (write.isTombstone()) {
      return records.containsKey(write.key());
    }
    return !Objects.equals(write.value(), records.get(write.key()));
  }

  public void remember(Write write) {
    if (write.isTombstone()) {
      records.remove(write.key());
    } else {
      records.put(write.key(), write.value());
    }
  }

  public boolean contains(DiscoveryKey key) {
    return records.containsKey(key);
  }

  public Set<DiscoveryKey> keys() {
    return Set.copyOf(records.keySet());
  }
}
