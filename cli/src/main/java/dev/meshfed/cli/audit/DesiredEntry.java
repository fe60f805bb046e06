package dev.meshfed.cli.audit;

import dev.meshfed.cli.replay.DesiredRecord;
import dev.meshfed.schema.desired.DesiredKey;
import dev.meshfed.schema.desired.DesiredObject;
import java.time.Instant;
import java.util.List;

/**
 * One record of a desired topic with its provenance.
 *
 * @param manifest the object as JSON; null for a tombstone
 * @param workspace null for a tombstone or an object of no workspace
 * @param sources the inputs it was derived from; empty for a tombstone
 */
public record DesiredEntry(
    String apiVersion,
    String kind,
    String namespace,
    String name,
    String manifest,
    String workspace,
    List<Ref> sources,
    long timestamp,
    long offset) {

  /** The offset of an entry that was recomputed rather than read from a topic. */
  public static final long RECOMPUTED = -1;

  public DesiredEntry {
    sources = sources == null ? List.of() : List.copyOf(sources);
  }

  /** From a desired topic's record; {@code value} is null for a tombstone. */
  public static DesiredEntry of(DesiredKey key, DesiredObject value, long timestamp, long offset) {
    return new DesiredEntry(
        key.getApiVersion(),
        key.getKind(),
        key.getNamespace(),
        key.getName(),
        value == null ? null : value.getManifest(),
        value == null ? null : value.getWorkspace(),
        value == null ? List.of() : value.getSources().stream().map(Ref::of).toList(),
        timestamp,
        offset);
  }

  public boolean isTombstone() {
    return manifest == null;
  }

  public Instant time() {
    return Instant.ofEpochMilli(timestamp);
  }

  /** Whether it is a record of the object KIND/NAMESPACE/NAME, in any apiVersion. */
  public boolean isOf(String kind, String namespace, String name) {
    return this.kind.equals(kind) && this.namespace.equals(namespace) && this.name.equals(name);
  }

  /** The key's identity: (apiVersion, kind, namespace, name). */
  public String identity() {
    return String.join(" ", apiVersion, kind, namespace, name);
  }

  public DesiredRecord toRecord() {
    return new DesiredRecord(identity(), manifest, timestamp, offset);
  }
}
