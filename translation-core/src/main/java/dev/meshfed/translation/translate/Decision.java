package dev.meshfed.translation.translate;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The outcome of one of the translator's decisions: what it allows, or the rule that excludes.
 * Translation goes on with what is allowed; explaining an absent object reports the exclusion. The
 * exclusion is built only when asked for: translation takes these decisions for every service on
 * every change and mostly needs no sentence.
 */
final class Decision<T> {

  private final T allowed;
  private final Supplier<Exclusion> exclusion;

  private Decision(T allowed, Supplier<Exclusion> exclusion) {
    this.allowed = allowed;
    this.exclusion = exclusion;
  }

  static <T> Decision<T> allow(T allowed) {
    return new Decision<>(allowed, null);
  }

  static <T> Decision<T> exclude(Supplier<Exclusion> exclusion) {
    return new Decision<>(null, exclusion);
  }

  boolean isAllowed() {
    return exclusion == null;
  }

  /** What it allows; null when excluded. */
  T allowed() {
    return allowed;
  }

  /** Why it excludes; null when allowed. */
  Exclusion exclusion() {
    return exclusion == null ? null : exclusion.get();
  }

  Optional<Exclusion> exclusionIfAny() {
    return Optional.ofNullable(exclusion());
  }
}
