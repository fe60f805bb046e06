package dev.meshfed.cli.status;

import dev.meshfed.cli.events.EventView;
import dev.meshfed.schema.events.RecomputeFinished;
import dev.meshfed.schema.events.RecomputeStarted;
import dev.meshfed.schema.events.TranslationBehind;
import dev.meshfed.schema.events.TranslationCaughtUp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * translation-service's latest full recompute, and whether it is behind its input, from its
 * progress events: while a recompute runs, or while translation is behind, the desired topics are
 * incomplete even though translation has no discovered records left to read.
 *
 * @param running whether the latest event is its start
 * @param units units it recomputes, or recomputed
 * @param tookMillis how long it took; null while it runs
 * @param at the event's time
 * @param behind since when translation is behind, and with how many units deferred; empty once it
 *     caught up
 */
public record Recompute(
    boolean running, int units, Long tookMillis, Instant at, Optional<Behind> behind) {

  /** translation fell behind {@code since}, with {@code deferredUnits} units deferred. */
  public record Behind(Instant since, int deferredUnits) {}

  static Optional<Recompute> latest(List<EventView> events) {
    Optional<Behind> behind = Optional.empty();
    boolean backlogSeen = false;
    for (int i = events.size() - 1; i >= 0; i--) {
      EventView e = events.get(i);
      Object typed = e.event().getEvent();
      Instant at = Instant.ofEpochMilli(e.timestamp());
      if (!backlogSeen && typed instanceof TranslationBehind b) {
        backlogSeen = true;
        behind = Optional.of(new Behind(at, b.getDeferredUnits()));
      } else if (typed instanceof TranslationCaughtUp) {
        backlogSeen = true;
      } else if (typed instanceof RecomputeStarted started) {
        return Optional.of(new Recompute(true, started.getUnits(), null, at, behind));
      } else if (typed instanceof RecomputeFinished finished) {
        return Optional.of(
            new Recompute(false, finished.getUnits(), finished.getTookMillis(), at, behind));
      }
    }
    return Optional.empty();
  }

  /** One line for people. */
  String describe(Instant now) {
    if (running) {
      return "translation: recomputing all "
          + units
          + " units (started "
          + Age.since(at, now)
          + " ago): desired config is incomplete until it finishes";
    }
    String last =
        "last full recompute: " + units + " units in " + tookMillis + " ms, " + Age.since(at, now);
    if (behind.isPresent()) {
      return "translation: behind its input for "
          + Age.since(behind.get().since(), now)
          + ", "
          + behind.get().deferredUnits()
          + " units deferred: desired config is incomplete until it catches up; "
          + last
          + " ago";
    }
    return "translation: idle; " + last + " ago";
  }
}
