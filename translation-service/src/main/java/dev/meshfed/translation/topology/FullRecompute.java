package dev.meshfed.translation.topology;

import dev.meshfed.translation.translate.UnitId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The bookkeeping of full recomputes: a change that may move membership makes one due; a due one
 * starts with every unit queued; the units are then recomputed a batch at a time, so that each
 * batch commits on its own and the records read meanwhile are not held up.
 *
 * <p>One that becomes due while another runs takes its place at once, with the units the running
 * one has not handed out yet first and those it has after them: those are to be translated with the
 * new membership anyway. Letting the running one finish first translated every unit once per
 * membership change, with changes waiting meanwhile: six full recomputes, 47,000 units, while 20
 * clusters joined one after the other in a cold start at 20x500 of 10,500 units.
 */
final class FullRecompute {

  /** A recompute whose every unit has been handed out: {@code units} in {@code tookMillis}. */
  record Finished(int units, long tookMillis) {}

  private final Set<UnitId> queued = new LinkedHashSet<>();
  // queued units a change has made due, handed out first
  private final Set<UnitId> prioritised = new LinkedHashSet<>();
  // by the running one: one that replaces it queues them last
  private final Set<UnitId> handedOut = new HashSet<>();
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
   * Starts the due one, in place of any running one: queues {@code units} (asked for only then) and
   * returns true, so the caller resolves the membership it will use.
   */
  boolean startIfDue(Supplier<Collection<UnitId>> units, long now) {
    if (!due) {
      return false;
    }
    Collection<UnitId> every = units.get();
    queued.clear();
    every.stream().filter(unit -> !handedOut.contains(unit)).forEach(queued::add);
    every.stream().filter(handedOut::contains).forEach(queued::add);
    queued.removeAll(prioritised);
    handedOut.clear();
    running = true;
    runningUnits = prioritised.size() + queued.size();
    runningSince = now;
    runningTimestamp = dueTimestamp > 0 ? dueTimestamp : now;
    due = false;
    dueTimestamp = 0;
    return true;
  }

  /** Up to {@code max} of the running one's units, taken off the queue. */
  List<UnitId> nextBatch(int max) {
    List<UnitId> batch = new ArrayList<>(Math.min(max, prioritised.size() + queued.size()));
    takeInto(batch, prioritised, max);
    takeInto(batch, queued, max);
    handedOut.addAll(batch);
    return batch;
  }

  private static void takeInto(List<UnitId> batch, Set<UnitId> from, int max) {
    Iterator<UnitId> next = from.iterator();
    while (batch.size() < max && next.hasNext()) {
      batch.add(next.next());
      next.remove();
    }
  }

  /**
   * A change at {@code timestamp} affects {@code unit}: if the running one has yet to hand it out,
   * it goes to the front of the queue, for the next batch (whose records carry that timestamp or a
   * later one), and true says the change need not recompute it itself. The changes that come in
   * before that batch are coalesced: as a cluster joins, its Services arrive one record after the
   * other, and each would translate again the VirtualDestination it backs.
   */
  boolean takeOver(UnitId unit, long timestamp) {
    if (prioritised.contains(unit) || (running && queued.remove(unit))) {
      prioritised.add(unit);
      runningTimestamp = Math.max(runningTimestamp, timestamp);
      return true;
    }
    return false;
  }

  /** Units the running one started with. */
  int units() {
    return runningUnits;
  }

  /** Ends the running one once its last batch has been handed out (at wall-clock {@code now}). */
  Optional<Finished> finishIfDone(long now) {
    if (!running || !queued.isEmpty() || !prioritised.isEmpty()) {
      return Optional.empty();
    }
    running = false;
    handedOut.clear();
    return Optional.of(new Finished(runningUnits, now - runningSince));
  }

  /**
   * The timestamp the running one's records carry: the latest change that made it due or that it
   * took over.
   */
  long timestamp() {
    return runningTimestamp;
  }

  boolean isRunning() {
    return running;
  }
}
