package dev.meshfed.translation.translate;

import java.util.Map;
import java.util.Optional;

/** A redirect's response code, written as Gloo Mesh names it or as a number. */
final class RedirectCodes {

  private static final Map<String, Integer> BY_NAME =
      Map.of(
          "MOVED_PERMANENTLY", 301,
          "FOUND", 302,
          "SEE_OTHER", 303,
          "TEMPORARY_REDIRECT", 307,
          "PERMANENT_REDIRECT", 308);

  private RedirectCodes() {}

  static Optional<Integer> of(String written) {
    if (BY_NAME.containsKey(written)) {
      return Optional.of(BY_NAME.get(written));
    }
    return BY_NAME.values().stream().filter(code -> String.valueOf(code).equals(written)).findAny();
  }

  static String names() {
    return String.join(", ", new java.util.TreeSet<>(BY_NAME.keySet())) + " or their numbers";
  }
}
