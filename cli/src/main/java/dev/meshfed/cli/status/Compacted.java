package dev.meshfed.cli.status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/** What a compacted topic holds now: the latest record of each key, unless it is a tombstone. */
final class Compacted {

  private Compacted() {}

  /** {@code records} in offset order; the result keeps the order of each key's latest record. */
  static <T> List<T> current(List<T> records, Function<T, String> key, Predicate<T> isTombstone) {
    Map<String, T> latest = new LinkedHashMap<>();
    for (T record : records) {
      String k = key.apply(record);
      latest.remove(k);
      if (!isTombstone.test(record)) {
        latest.put(k, record);
      }
    }
    return List.copyOf(latest.values());
  }
}
