package dev.meshfed.cli.audit;

import dev.meshfed.translation.translate.TranslationSettings;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The desired config that recorded inputs imply, re-derived with translation's own code. No I/O.
 *
 * @param byCluster per target cluster, its objects by key identity ({@link
 *     DesiredEntry#identity()}), each with offset {@link DesiredEntry#RECOMPUTED}
 */
public record ImpliedConfig(
    RecordedInputs inputs,
    TranslationSettings settings,
    SortedMap<String, SortedMap<String, DesiredEntry>> byCluster) {

  public static ImpliedConfig of(RecordedInputs inputs, TranslationSettings settings) {
    long at = inputs.at().toEpochMilli();
    SortedMap<String, SortedMap<String, DesiredEntry>> byCluster = new TreeMap<>();
    inputs
        .recomputation()
        .desired(settings)
        .forEach(
            (cluster, records) -> {
              SortedMap<String, DesiredEntry> entries = new TreeMap<>();
              records.forEach(
                  (key, value) -> {
                    DesiredEntry entry = DesiredEntry.of(key, value, at, DesiredEntry.RECOMPUTED);
                    entries.put(entry.identity(), entry);
                  });
              byCluster.put(cluster, Collections.unmodifiableSortedMap(entries));
            });
    return new ImpliedConfig(inputs, settings, Collections.unmodifiableSortedMap(byCluster));
  }

  /** The cluster's implied objects by key identity; none when the inputs imply none. */
  public SortedMap<String, DesiredEntry> of(String cluster) {
    return byCluster.getOrDefault(cluster, Collections.emptySortedMap());
  }

  /** One line: what was recomputed from, and with which settings. */
  public String summary() {
    return "recomputed from "
        + inputs.summary()
        + ", with management cluster "
        + settings.managementCluster()
        + " and default host suffix "
        + settings.defaultHostSuffix();
  }
}
