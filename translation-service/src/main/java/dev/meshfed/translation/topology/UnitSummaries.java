package dev.meshfed.translation.topology;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.meshfed.translation.translate.FederationTranslator;
import dev.meshfed.translation.translate.UnitId;
import dev.meshfed.translation.translate.UnitSummary;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * What each unit last wrote. The units store keeps every unit's summary, encoded, so that a restart
 * diffs against what was written. The summaries written most recently are also kept decoded, up to
 * {@link #CACHED_OBJECTS} objects in all: recomputing a large unit again (a VirtualDestination
 * backed in 20 clusters keeps 440 objects) then neither reads, decodes nor encodes its summary to
 * find that it is unchanged, or to diff it.
 *
 * <p>The processor that holds the store is its only writer, and a new processor (a task assigned,
 * restored or revived) starts with an empty cache: the cache never holds other than the store.
 */
final class UnitSummaries {

  /**
   * About 36 MiB of heap (measured at 20 clusters × 500 services). A working set of the units
   * changed last: there, every VirtualDestination's unit and the services changed since, where a
   * full recompute passes through 244,000 objects.
   */
  static final long CACHED_OBJECTS = 100_000;

  private final KeyValueStore<String, String> store;
  private final Cache<String, UnitSummary> recent;

  UnitSummaries(KeyValueStore<String, String> store) {
    this(store, CACHED_OBJECTS);
  }

  UnitSummaries(KeyValueStore<String, String> store, long cachedObjects) {
    this.store = store;
    // evictions run on the stream thread, as they happen: no thread pool
    this.recent =
        Caffeine.newBuilder()
            .maximumWeight(cachedObjects)
            .weigher((String unit, UnitSummary summary) -> weight(summary))
            .executor(Runnable::run)
            .build();
  }

  /**
   * The summary {@code unit} last wrote, unless it is {@code now}: what {@code now} is to be diffed
   * against. A summary the cache does not hold is compared encoded, as stored, so that one stored
   * in an earlier format is rewritten.
   */
  Optional<UnitSummary> changedFrom(UnitId unit, UnitSummary now) {
    UnitSummary cached = recent.getIfPresent(unit.key());
    if (cached != null) {
      return cached.equals(now) ? Optional.empty() : Optional.of(cached);
    }
    String stored = store.get(unit.key());
    if (Objects.equals(stored, encoded(now))) {
      remember(unit, now);
      return Optional.empty();
    }
    return Optional.of(UnitSummaryCodec.decode(stored));
  }

  /** What {@code unit} wrote last, read for another unit's diff: it is not cached for that. */
  UnitSummary lastWritten(UnitId unit) {
    UnitSummary cached = recent.getIfPresent(unit.key());
    return cached != null ? cached : UnitSummaryCodec.decode(store.get(unit.key()));
  }

  void write(UnitId unit, UnitSummary summary) {
    String encoded = encoded(summary);
    if (encoded == null) {
      store.delete(unit.key());
    } else {
      store.put(unit.key(), encoded);
    }
    remember(unit, summary);
  }

  /** Units that produced something before, even if their input is gone now. */
  SortedSet<UnitId> storedUnits() {
    SortedSet<UnitId> stored = new TreeSet<>(FederationTranslator.UNIT_ORDER);
    try (KeyValueIterator<String, String> all = store.all()) {
      while (all.hasNext()) {
        KeyValue<String, String> entry = all.next();
        UnitKeys.parse(entry.key).ifPresent(stored::add);
      }
    }
    return stored;
  }

  private void remember(UnitId unit, UnitSummary summary) {
    if (summary.isEmpty()) {
      recent.invalidate(unit.key());
    } else {
      recent.put(unit.key(), summary);
    }
  }

  private static String encoded(UnitSummary summary) {
    return summary.isEmpty() ? null : UnitSummaryCodec.encode(summary);
  }

  private static int weight(UnitSummary summary) {
    return 1 + summary.objects().size() + summary.diagnostics().size() + summary.statuses().size();
  }
}
