package dev.meshfed.cli.audit;

import dev.meshfed.cli.replay.DesiredRecord;
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

  public DesiredEntry {
    sources = sources == null ? List.of() : List.copyOf(sources);
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

  /** The key's identity, as {@link dev.meshfed.cli.replay.DesiredTopicReader} writes it. */
  public String identity() {
    return String.join(" ", apiVersion, kind, namespace, name);
  }

  public DesiredRecord toRecord() {
    return new DesiredRecord(identity(), manifest, timestamp, offset);
  }
}
