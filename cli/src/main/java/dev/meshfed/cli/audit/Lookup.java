package dev.meshfed.cli.audit;

import dev.meshfed.cli.replay.DesiredHistory;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Lookups over the records of one topic. No I/O. */
public final class Lookup {

  private Lookup() {}

  /** What a desired topic says about KIND/NAMESPACE/NAME (any apiVersion) at an instant. */
  public sealed interface DesiredState {}

  /** It exists: {@code entry} is the live record with the highest offset. */
  public record Exists(DesiredEntry entry) implements DesiredState {}

  /**
   * It was deleted by {@code tombstone}; {@code lastVersion} is the latest live record before it,
   * null when compaction removed it.
   */
  public record Deleted(DesiredEntry tombstone, DesiredEntry lastVersion) implements DesiredState {}

  /**
   * No record at or before the instant; {@code firstLater} is its first record after it, if any.
   */
  public record Never(DesiredEntry firstLater) implements DesiredState {}

  public static DesiredState desiredAt(
      List<DesiredEntry> records, String kind, String namespace, String name, Instant at) {
    List<DesiredEntry> ofObject =
        records.stream()
            .filter(r -> r.isOf(kind, namespace, name))
            .sorted(Comparator.comparingLong(DesiredEntry::offset))
            .toList();
    List<DesiredEntry> known = ofObject.stream().filter(r -> r.timestamp() <= millis(at)).toList();
    if (known.isEmpty()) {
      return new Never(ofObject.isEmpty() ? null : ofObject.get(0));
    }
    Map<String, DesiredEntry> latestByApiVersion = new LinkedHashMap<>();
    known.forEach(r -> latestByApiVersion.put(r.apiVersion(), r));
    Optional<DesiredEntry> live =
        latestByApiVersion.values().stream()
            .filter(r -> !r.isTombstone())
            .max(Comparator.comparingLong(DesiredEntry::offset));
    if (live.isPresent()) {
      return new Exists(live.get());
    }
    DesiredEntry tombstone = known.get(known.size() - 1);
    DesiredEntry lastVersion =
        known.stream()
            .filter(r -> !r.isTombstone())
            .max(Comparator.comparingLong(DesiredEntry::offset))
            .orElse(null);
    return new Deleted(tombstone, lastVersion);
  }

  /**
   * A desired topic's objects at an instant, by key identity ({@link DesiredEntry#identity()}), in
   * key order: each key's record as {@link DesiredHistory#stateAt} picks it.
   */
  public static SortedMap<String, DesiredEntry> stateAt(List<DesiredEntry> records, Instant at) {
    Map<Long, DesiredEntry> byOffset =
        records.stream()
            .collect(Collectors.toMap(DesiredEntry::offset, Function.identity(), (x, y) -> y));
    SortedMap<String, DesiredEntry> state = new TreeMap<>();
    new DesiredHistory(records.stream().map(DesiredEntry::toRecord).toList(), 0)
        .stateAt(at)
        .forEach((identity, record) -> state.put(identity, byOffset.get(record.offset())));
    return state;
  }

  /** The input's latest record (possibly a tombstone) at or before an instant. */
  public static Optional<DiscoveredEntry> discoveredAt(
      List<DiscoveredEntry> records, Ref ref, Instant at) {
    return records.stream()
        .filter(r -> r.isOf(ref) && r.timestamp() <= millis(at))
        .max(Comparator.comparingLong(DiscoveredEntry::offset));
  }

  /** The input's records stamped in (from, to], by offset. */
  public static List<DiscoveredEntry> changesIn(
      List<DiscoveredEntry> records, Ref ref, Instant from, Instant to) {
    return records.stream()
        .filter(r -> r.isOf(ref) && r.timestamp() > millis(from) && r.timestamp() <= millis(to))
        .sorted(Comparator.comparingLong(DiscoveredEntry::offset))
        .toList();
  }

  private static long millis(Instant at) {
    return at.toEpochMilli();
  }
}
