package dev.meshfed.translation.translate;

import dev.meshfed.translation.model.VirtualDestinationInput.ObjectSelector;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Inputs that select others by {@link ObjectSelector}s (policies selecting routes or destinations),
 * filed so that the ones that may select a given object are found without reading all of them. Each
 * selector is filed under one key that every object it selects has: its name if it sets one, else
 * one of its labels, else {@link #EVERY}. An input is filed once per selector; no selector at all
 * selects everything. Candidates are then checked with the full selector: the index only leaves out
 * inputs that cannot select the object.
 *
 * @param <P> the selecting input
 */
final class SelectionIndex<P> {

  private static final String EVERY = "*";

  private final Map<String, List<P>> byKey;

  private SelectionIndex(Map<String, List<P>> byKey) {
    this.byKey = byKey;
  }

  /**
   * @param selectors an input's selectors, in a form the index reads: null for one that selects
   *     everything, and inputs whose selectors cannot select the kind indexed left out of it
   */
  static <P> SelectionIndex<P> of(Stream<P> inputs, Function<P, List<ObjectSelector>> selectors) {
    Map<String, List<P>> byKey = new HashMap<>();
    inputs.forEach(
        input -> {
          List<ObjectSelector> written = selectors.apply(input);
          Stream<String> keys =
              written.isEmpty() ? Stream.of(EVERY) : written.stream().map(SelectionIndex::key);
          keys.distinct()
              .forEach(key -> byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(input));
        });
    return new SelectionIndex<>(byKey);
  }

  /** The inputs that may select an object of this name and labels, each once. */
  Stream<P> candidates(String name, Map<String, String> labels) {
    List<String> keys = new ArrayList<>();
    keys.add(EVERY);
    if (name != null) {
      keys.add(nameKey(name));
    }
    labels.forEach((key, value) -> keys.add(labelKey(key, value)));
    Set<P> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    return keys.stream()
        .flatMap(key -> byKey.getOrDefault(key, List.of()).stream())
        .filter(seen::add);
  }

  private static String key(ObjectSelector selector) {
    if (selector == null) {
      return EVERY;
    }
    if (selector.name() != null && !selector.name().isEmpty()) {
      return nameKey(selector.name());
    }
    return new TreeMap<>(selector.labels())
        .entrySet().stream()
            .findFirst()
            .map(label -> labelKey(label.getKey(), label.getValue()))
            .orElse(EVERY);
  }

  private static String nameKey(String name) {
    return "name:" + name;
  }

  private static String labelKey(String key, String value) {
    return "label:" + key + "=" + value;
  }
}
