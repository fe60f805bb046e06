package dev.meshfed.distribution.model;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The latest desired record of every key of one cluster's desired topic, and what follows from it
 * per live object. A translation-service that moves an object to another API version writes a
 * tombstone for the old key and a record for the new one, in either order: the object is desired as
 * long as any version of it is, and the record read last wins.
 */
public final class DesiredState {

  private final ManifestParser parser;
  private final Map<ObjectIdentity, Map<String, Versioned>> byIdentity = new HashMap<>();
  private final Set<ObjectKey> invalidKeys = new HashSet<>();
  private long recordsRead;
  private int failedRecords;
  private OptionalLong lastOffset = OptionalLong.empty();

  public DesiredState(ManifestParser parser) {
    this.parser = parser;
  }

  public RecordOutcome record(TopicRecord topicRecord) {
    lastOffset = OptionalLong.of(topicRecord.position().offset());
    if (topicRecord instanceof DesiredRecord desired) {
      return desired.isTombstone() ? forget(desired) : remember(desired);
    }
    UndecodableRecord undecodable = (UndecodableRecord) topicRecord;
    return reject(undecodable.origin(), "an undecodable record", undecodable.reason());
  }

  /** The manifest to apply for an identity: the latest record among its versions. */
  public Optional<DesiredManifest> desired(ObjectIdentity identity) {
    return Optional.ofNullable(byIdentity.get(identity))
        .flatMap(versions -> versions.values().stream().max(Comparator.comparing(Versioned::seq)))
        .map(Versioned::manifest);
  }

  public Set<ObjectIdentity> desiredIdentities() {
    return Set.copyOf(byIdentity.keySet());
  }

  /**
   * Whether a managed live object may be deleted: nothing desires it, and no record for it was
   * rejected (the object it once had may be what was meant: keep it until a usable record comes).
   */
  public boolean mayPrune(ObjectIdentity identity) {
    return !byIdentity.containsKey(identity)
        && invalidKeys.stream().noneMatch(key -> key.identity().equals(identity));
  }

  /** What an attempt on {@code target}'s identity does now: apply its latest, or delete it. */
  public Action actionFor(ObjectKey target) {
    Optional<DesiredManifest> desired = desired(target.identity());
    if (desired.isPresent()) {
      return new Action.Apply(desired.get());
    }
    try {
      return new Action.Delete(target, parser.resolve(target));
    } catch (InvalidRecordException e) {
      throw new IllegalArgumentException("Cannot address " + target + ": " + e.getMessage(), e);
    }
  }

  public int desiredCount() {
    return byIdentity.size();
  }

  /**
   * The offset of the last record read, used or not: the state reflects the topic up to there.
   * Empty before the first record. Desired topics have one partition, so one offset says it all.
   */
  public OptionalLong lastOffset() {
    return lastOffset;
  }

  /** Records that could not be used since this state was built. */
  public int failedRecords() {
    return failedRecords;
  }

  private RecordOutcome remember(DesiredRecord desired) {
    ObjectKey key = desired.key();
    try {
      DesiredManifest manifest = parser.parse(key, desired.manifest());
      invalidKeys.remove(key);
      byIdentity
          .computeIfAbsent(key.identity(), identity -> new HashMap<>())
          .put(key.apiVersion(), new Versioned(manifest, ++recordsRead));
      return new RecordOutcome.Changed(key);
    } catch (InvalidRecordException e) {
      invalidKeys.add(key);
      return reject(desired.origin(), key.toString(), e.getMessage());
    }
  }

  private RecordOutcome forget(DesiredRecord tombstone) {
    ObjectKey key = tombstone.key();
    try {
      parser.resolve(key);
    } catch (InvalidRecordException e) {
      return reject(tombstone.origin(), key.toString(), e.getMessage());
    }
    invalidKeys.remove(key);
    Map<String, Versioned> versions = byIdentity.get(key.identity());
    if (versions != null) {
      versions.remove(key.apiVersion());
      if (versions.isEmpty()) {
        byIdentity.remove(key.identity());
      }
    }
    return new RecordOutcome.Changed(key);
  }

  private RecordOutcome reject(String origin, String subject, String reason) {
    failedRecords++;
    return new RecordOutcome.Rejected(origin, subject, reason);
  }

  private record Versioned(DesiredManifest manifest, long seq) {}
}
