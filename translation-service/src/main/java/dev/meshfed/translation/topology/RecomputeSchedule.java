package dev.meshfed.translation.topology;

import dev.meshfed.translation.translate.FederationTranslator;
import dev.meshfed.translation.translate.UnitId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * When units are recomputed: right away, on the interval, or as part of a full recompute. It reads
 * no clock: the wall-clock times and record timestamps it decides by are handed to it.
 *
 * <p>A change that may move membership affects every unit. Such changes make a full recompute due
 * rather than run one each: a cluster joining publishes its namespaces, gateways and agent
 * together, and a full recompute costs as much as the mesh is large. The punctuation starts a due
 * one, and hands out {@link #UNITS_PER_BATCH} of its units each time it fires, each batch in a
 * transaction of its own, so that distribution starts applying before a large mesh is translated in
 * full; while records keep coming, batches yield to them (see {@link #BATCH_EVERY_WHILE_BUSY}).
 * Changes that come while one is due wait for it, so that no unit is translated with a membership
 * already out of date; one that becomes due while another runs replaces it ({@link FullRecompute}),
 * so they wait a batch, not the rest of a full recompute. While records keep coming, a due one
 * waits for a pause in them, at most {@link #FULL_RECOMPUTE_WAITS_WHILE_BUSY}: those records are
 * absorbed into the inputs meanwhile, not translated, and the recompute that follows translates
 * each unit once. A change to a unit the running one has yet to hand out goes to its next batch.
 * While translation is behind (see {@link #BACKLOG}), a change's units are deferred rather than
 * recomputed at once: a VirtualDestination backed in 20 clusters is made due by each of its
 * Services as a cold start's backlog brings them, and is recomputed once when they are in.
 *
 * <p>A change that affects more than {@link #UNITS_PER_BATCH} units (a WorkspaceSettings change
 * touches every unit of its workspace) recomputes that many right away and hands out the rest on
 * the punctuation the same way: every transaction stays small, so the transaction timeout can be
 * short, and a crashed instance's open transaction holds readers back only that long.
 */
final class RecomputeSchedule {

  /** How often the punctuation fires; input is quiet once no record came for as long. */
  static final Duration INTERVAL = Duration.ofMillis(50);

  /**
   * A record read this long after it was written (beyond the least any took lately: {@link
   * RecordAges}) says translation is behind: more are likely queued after it, and the input counts
   * as quiet only once none came for this long, not {@link #INTERVAL}. Gaps alone do not tell a
   * backlog: Kafka Streams hands every record of a processing loop the time the loop started, so a
   * loop longer than {@link #INTERVAL} left a gap that was not there (at 20x500 a cold start ran
   * nine full recomputes where one was due at a time).
   */
  static final Duration BACKLOG = Duration.ofSeconds(1);

  /**
   * Status units made due by Service changes are recomputed at most this often: each counts every
   * service of the mesh (some 50 ms at 10,000 services), which holds up the records behind it, so a
   * burst of changes is counted once.
   */
  static final Duration STATUSES_EVERY = Duration.ofSeconds(5);

  /**
   * How often the punctuation looks whether due status units may run: they wait for {@link
   * #STATUSES_EVERY} anyway, and firing every {@link #INTERVAL} meanwhile made translation commit
   * an empty transaction every commit interval for as long as changes came in.
   */
  static final Duration STATUSES_CHECK = Duration.ofSeconds(1);

  /** Units recomputed per punctuation: at 20 clusters, some 4,000 records a transaction. */
  static final int UNITS_PER_BATCH = 200;

  /**
   * While records keep coming, a batch runs only once they have had this long to themselves since
   * the last one: the stream thread processes fewer records per loop after each punctuation, and
   * batches on every one starved the input. It counts from the first record after the batch, not
   * from the batch's start: a batch of a large mesh can take a second or more itself, and the next
   * one was then due at once, one record between two batches (20x500, while clusters joined).
   */
  static final Duration BATCH_EVERY_WHILE_BUSY = Duration.ofSeconds(1);

  /**
   * While records keep coming, a due full recompute starts only once it has waited this long: the
   * records behind it, which it makes wait, are likely to move membership again. In a cold start at
   * 20x250 the clusters' namespaces, gateways and agents came in one after the other for minutes,
   * behind a backlog of Services; with recomputes starting within a second, each overtaken by the
   * next cluster, 36,000 units were translated where the mesh has 5,300, and 16,000 with the wait.
   */
  static final Duration FULL_RECOMPUTE_WAITS_WHILE_BUSY = Duration.ofSeconds(5);

  /**
   * What the punctuation recomputes, and the timestamp its records carry. A batch that starts a
   * full recompute says how many units it has; the one that hands out its last units says it
   * finished.
   */
  record Batch(
      boolean startsFullRecompute,
      int fullRecomputeUnits,
      List<UnitId> units,
      long timestamp,
      Optional<FullRecompute.Finished> finishesFullRecompute) {

    static final Batch NONE = new Batch(false, 0, List.of(), 0, Optional.empty());

    Batch(boolean startsFullRecompute, int fullRecomputeUnits, List<UnitId> units, long timestamp) {
      this(startsFullRecompute, fullRecomputeUnits, units, timestamp, Optional.empty());
    }
  }

  private final int unitsPerBatch;
  private final FullRecompute fullRecompute = new FullRecompute();

  /**
   * Status units a change made due: they read every service, so they wait for the punctuation
   * rather than delay the change's own records.
   */
  private final SortedSet<UnitId> dueStatuses = new TreeSet<>(FederationTranslator.UNIT_ORDER);

  /** Units of changes too large for one transaction, not recomputed yet, in order. */
  private final Set<UnitId> deferred = new LinkedHashSet<>();

  private long deferredAt;
  private long fullRecomputeDueSince;
  private long dueStatusesAt;
  private long lastStatusesAt;
  private final RecordAges recordAges = new RecordAges();
  private long lastRecordAt;
  private boolean lastRecordWaited;
  private long lastBatchAt;
  private long recordsResumedAt;
  private boolean recordSinceBatch;

  RecomputeSchedule(int unitsPerBatch) {
    this.unitsPerBatch = unitsPerBatch;
  }

  /**
   * Inputs may have been committed while a full recompute was still due: one runs after a restart,
   * its records stamped with the time it starts.
   */
  void restarted() {
    fullRecompute.markDue(0);
  }

  /** A record written at {@code timestamp} came in at wall-clock {@code now}. */
  void recordArrived(long now, long timestamp) {
    lastRecordAt = now;
    lastRecordWaited = recordAges.lateness(now, timestamp) >= BACKLOG.toMillis();
    if (!recordSinceBatch) {
      recordSinceBatch = true;
      recordsResumedAt = now;
    }
  }

  /**
   * A change stamped {@code timestamp} affects {@code affected} (empty: every unit, membership may
   * have moved). Returns the units to recompute right away; the others wait for the punctuation.
   */
  List<UnitId> changed(Optional<? extends Collection<UnitId>> affected, long timestamp) {
    if (affected.isEmpty() || fullRecompute.isDue()) {
      if (!fullRecompute.isDue()) {
        fullRecomputeDueSince = lastRecordAt;
      }
      fullRecompute.markDue(timestamp);
      return List.of();
    }
    List<UnitId> now = new ArrayList<>();
    for (UnitId unit : affected.get()) {
      if (unit instanceof UnitId.StatusUnit) {
        dueStatuses.add(unit);
        dueStatusesAt = Math.max(dueStatusesAt, timestamp);
      } else if (fullRecompute.takeOver(unit, timestamp)) {
        deferred.remove(unit);
      } else if (now.size() < unitsPerBatch && !lastRecordWaited) {
        now.add(unit);
        deferred.remove(unit);
      } else {
        deferred.add(unit);
        deferredAt = Math.max(deferredAt, timestamp);
      }
    }
    return now;
  }

  /**
   * What the punctuation firing at wall-clock {@code now} recomputes: the next batch of a full
   * recompute, starting a due one with {@code everyUnit} (asked for only then); else the next batch
   * of deferred units; else the due status units, at most every {@link #STATUSES_EVERY}. A batch
   * that starts a full recompute is to be translated with the membership resolved afresh.
   */
  Batch next(long now, Supplier<Collection<UnitId>> everyUnit) {
    long sinceLastRecord = now - lastRecordAt;
    boolean inputQuiet =
        sinceLastRecord >= (lastRecordWaited ? BACKLOG.toMillis() : INTERVAL.toMillis());
    boolean batchOverdue =
        now - Math.max(lastBatchAt, recordsResumedAt) >= BATCH_EVERY_WHILE_BUSY.toMillis();
    if (!inputQuiet && !batchOverdue) {
      return Batch.NONE;
    }
    if (!inputQuiet
        && fullRecompute.isDue()
        && now - fullRecomputeDueSince < FULL_RECOMPUTE_WAITS_WHILE_BUSY.toMillis()) {
      return Batch.NONE; // nor a batch of a running one it is to replace
    }
    boolean started = fullRecompute.startIfDue(everyUnit, now);
    if (started) {
      deferred.clear(); // every unit is queued
    }
    int startedUnits = started ? fullRecompute.units() : 0;
    List<UnitId> units = fullRecompute.nextBatch(unitsPerBatch);
    Optional<FullRecompute.Finished> finished = fullRecompute.finishIfDone(now);
    if (!units.isEmpty() || finished.isPresent()) {
      batchStarted(now);
      return new Batch(started, startedUnits, units, fullRecompute.timestamp(), finished);
    }
    if (!deferred.isEmpty() && !fullRecompute.isDue()) {
      batchStarted(now);
      long timestamp = deferredAt;
      return new Batch(started, startedUnits, nextDeferred(), timestamp);
    }
    if (fullRecompute.isDue()
        || dueStatuses.isEmpty()
        || now - lastStatusesAt < STATUSES_EVERY.toMillis()) {
      return new Batch(started, startedUnits, List.of(), fullRecompute.timestamp());
    }
    Batch statuses = new Batch(started, startedUnits, List.copyOf(dueStatuses), dueStatusesAt);
    dueStatuses.clear();
    dueStatusesAt = 0;
    batchStarted(now);
    lastStatusesAt = now;
    return statuses;
  }

  /**
   * How often the punctuation has to fire for what is due: every {@link #INTERVAL} for a full
   * recompute or deferred units, every {@link #STATUSES_CHECK} for status units alone; empty when
   * nothing is. Each firing makes Kafka Streams commit a transaction at the next commit interval,
   * even one that writes nothing.
   */
  Optional<Duration> punctuationInterval() {
    if (behind()) {
      return Optional.of(INTERVAL);
    }
    return dueStatuses.isEmpty() ? Optional.empty() : Optional.of(STATUSES_CHECK);
  }

  /**
   * Whether input already handed in has outputs still to be written: units deferred, or a full
   * recompute due or running. Due status units are left out: they wait {@link #STATUSES_EVERY} by
   * design, and write statuses, not desired objects.
   */
  boolean behind() {
    return fullRecomputeDue() || !deferred.isEmpty();
  }

  /** Units deferred to the punctuation's batches. */
  int deferredUnits() {
    return deferred.size();
  }

  /** Whether a full recompute is due or running. */
  boolean fullRecomputeDue() {
    return fullRecompute.isDue() || fullRecompute.isRunning();
  }

  private void batchStarted(long now) {
    lastBatchAt = now;
    recordSinceBatch = false;
  }

  private List<UnitId> nextDeferred() {
    List<UnitId> batch = new ArrayList<>(Math.min(unitsPerBatch, deferred.size()));
    Iterator<UnitId> units = deferred.iterator();
    while (batch.size() < unitsPerBatch && units.hasNext()) {
      batch.add(units.next());
      units.remove();
    }
    if (deferred.isEmpty()) {
      deferredAt = 0;
    }
    return batch;
  }
}
