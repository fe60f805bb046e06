package dev.meshfed.cli.audit;

import dev.meshfed.cli.replay.DiscoveredRecord;
import dev.meshfed.schema.discovery.DiscoveredObject;
import java.time.Instant;

/**
 * One record of a discovered topic; its cluster is the topic's.
 *
 * @param apiVersion null for a tombstone
 * @param uid null for a tombstone
 * @param generation null for a tombstone or an object without one
 */
public record DiscoveredEntry(
    String kind,
    String namespace,
    String name,
    String apiVersion,
    String uid,
    Long generation,
    boolean tombstone,
    long timestamp,
    long offset) {

  public static DiscoveredEntry of(DiscoveredRecord r) {
    DiscoveredObject v = r.value();
    return new DiscoveredEntry(
        r.key().getKind(),
        r.key().getNamespace(),
        r.key().getName(),
        v == null ? null : v.getApiVersion(),
        v == null ? null : v.getUid(),
        v == null ? null : v.getGeneration(),
        v == null,
        r.timestamp(),
        r.offset());
  }

  public Instant time() {
    return Instant.ofEpochMilli(timestamp);
  }

  public boolean isOf(Ref ref) {
    return kind.equals(ref.kind())
        && namespace.equals(ref.namespace() == null ? "" : ref.namespace())
        && name.equals(ref.name());
  }
}
