package dev.meshfed.translation.topology;

import dev.meshfed.translation.translate.UnitId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The bookkeeping of full recomputes: a change that may move membership makes one due; a due one
 * starts when none is running, with every unit queued; the units are then recomputed a batch at a
 * time, so that each batch commits on its own and the records read meanwhile are not held up.
 */
final class FullRecompute {

  /** A recompute whose every unit has been handed out: {@code units} in {@code tookMillis}. */
  record Finished(int units, long tookMillis) {}

  private final Deque<UnitId> queued = new ArrayDeque<>();
  private boolean due;
  private long dueTimestamp;
  private long runningTimestamp;
  private boolean running;
  private int runningUnits;
  private long runningSince;

  /** A change at {@code timestamp} may have moved membership. */
  void markDue(long timestamp) {
    due = true;
    dueTimestamp = Math.max(dueTimestamp, timestamp);
  }

  /** Whether a change has made one due that has not started yet. */
  boolean isDue() {
    return due;
  }

  /**
   * Starts the due one if none is running: queues {@code units} (asked for only then) and returns
   * true, so the caller resolves the membership it will use.
   */
  boolean startIfDue(Supplier<Collection<UnitId>> units, long now) {
    if (!due || running) {
      return false;
    }
    queued.addAll(units.get());
    running = true;
    runningUnits = queued.size();
    runningSince = now;
    runningTimestamp = dueTimestamp > 0 ? dueTimestamp : now;
    due = false;
    dueTimestamp = 0;
    return true;
  }

  /** Up to {@code max} of the running one's units, taken off the queue. */
  List<UnitId> nextBatch(int max) {
    List<UnitId> batch = new ArrayList<>(Math.min(max, queued.size()));
    while (batch.size() < max && !queued.isEmpty()) {
      batch.add(queued.poll());
    }
    return batch;
  }

  /** Units the running one started with. */
  int units() {
    return runningUnits;
  }

  /**
   * Ends the running one once its last batch has been handed out (at wall-clock {@code now}); the
   * next due one may start from then.
   */
  Optional<Finished> finishIfDone(long now) {
    if (!running || !queued.isEmpty()) {
      return Optional.empty();
    }
    running = false;
    return Optional.of(new Finished(runningUnits, now - runningSince));
  }

  /** The timestamp the running one's records carry: the latest change that made it due. */
  long timestamp() {
    return runningTimestamp;
  }

  boolean isRunning() {
    return running;
  }
}
