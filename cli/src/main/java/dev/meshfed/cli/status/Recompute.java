package dev.meshfed.cli.status;

import dev.meshfed.cli.events.EventView;
import dev.meshfed.schema.events.RecomputeFinished;
import dev.meshfed.schema.events.RecomputeStarted;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * translation-service's latest full recompute, from its progress events: while one runs, the
 * desired topics are incomplete even though translation has no discovered records left to read.
 *
 * @param running whether the latest event is its start
 * @param units units it recomputes, or recomputed
 * @param tookMillis how long it took; null while it runs
 * @param at the event's time
 */
public record Recompute(boolean running, int units, Long tookMillis, Instant at) {

  static Optional<Recompute> latest(List<EventView> events) {
    for (int i = events.size() - 1; i >= 0; i--) {
      EventView e = events.get(i);
      Object typed = e.event().getEvent();
      Instant at = Instant.ofEpochMilli(e.timestamp());
      if (typed instanceof RecomputeStarted started) {
        return Optional.of(new Recompute(true, started.getUnits(), null, at));
      }
      if (typed instanceof RecomputeFinished finished) {
        return Optional.of(new Recompute(false, finished.getUnits(), finished.getTookMillis(), at));
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
    return "translation: idle; last full recompute: "
        + units
        + " units in "
        + tookMillis
        + " ms, "
        + Age.since(at, now)
        + " ago";
  }
}
