package dev.meshfed.translation.translate;

import java.util.Map;

/** How meshfed's selectors match: by exact value, by {@code *}, and by labels. */
final class Selectors {

  static final String ANY = "*";

  private Selectors() {}

  /** An unset or empty field matches anything; a set one only its value. */
  static boolean matchesIfSet(String wanted, String actual) {
    return wanted == null || wanted.isEmpty() || wanted.equals(actual);
  }

  /**
   * A name pattern: unset or {@code *} matches anything, a name only itself. Unlike a selector's
   * field, an empty name is not "unset": it names nothing, rather than widening to everything.
   */
  static boolean matchesNameOrAny(String wanted, String actual) {
    return wanted == null || ANY.equals(wanted) || wanted.equals(actual);
  }

  /**
   * Whether {@code labels} has every label of {@code wanted}: an empty selector matches all. A
   * loop, not a stream: it runs for every workload a Service's selector is matched against.
   */
  static boolean containsAll(Map<String, String> labels, Map<String, String> wanted) {
    for (Map.Entry<String, String> label : wanted.entrySet()) {
      if (!label.getValue().equals(labels.get(label.getKey()))) {
        return false;
      }
    }
    return true;
  }
}
