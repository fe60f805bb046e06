package dev.meshfed.oracle.mesh;

/**
 * Istio's string patterns in policies (matcher.StringMatcherWithPrefix): {@code *} matches any
 * value, a leading {@code *} a suffix, a trailing {@code *} a prefix, anything else exactly.
 */
final class StringMatch {

  private StringMatch() {}

  static boolean matches(String pattern, String value) {
    if (pattern.equals("*")) {
      return !value.isEmpty();
    }
    if (pattern.startsWith("*")) {
      return value.endsWith(pattern.substring(1));
    }
    if (pattern.endsWith("*")) {
      return value.startsWith(pattern.substring(0, pattern.length() - 1));
    }
    return pattern.equals(value);
  }
}
