package dev.meshfed.testbed;

import java.time.Duration;
import java.util.OptionalInt;

/**
 * Makes the next write requests (POST, PUT, PATCH, DELETE) of a {@link SimulatedCluster} fail,
 * whoever sends them, without any effect on the stored objects; and, while asked to, makes every
 * list answer an empty list, as a broken API server answering from an empty cache would; breaks off
 * watches and fails reads for a while; or stalls every answer for a while.
 *
 * <p>fabric8 clients retry 429 and 5xx answers on their own (default {@code
 * requestRetryBackoffLimit} 10, exponential backoff from 100 ms): fewer 5xx failures than that only
 * delay a write of a default client. A 4xx status is not retried.
 */
public final class FaultInjector {

  private final Runnable watchBreaker;
  private final FaultWindow failingWrites = new FaultWindow();
  private final FaultWindow failingReads = new FaultWindow();
  // a stall answers what it would have answered, only late: its window status is 200
  private final FaultWindow stall = new FaultWindow();
  private int remainingFailures;
  private int failureStatus;
  private boolean emptyLists;

  FaultInjector(Runnable watchBreaker) {
    this.watchBreaker = watchBreaker;
  }

  /**
   * Breaks off every open watch with 410 Gone (as once etcd compacted past it), so that every
   * informer lists again, and for {@code duration} from now every read (list, get or new watch)
   * answers {@code httpStatus}: the relists fail until the window ends.
   */
  public void breakWatchesAndFailReadsFor(Duration duration, int httpStatus) {
    int status = FaultWindow.errorStatus(httpStatus);
    synchronized (this) {
      failingReads.open(duration, status);
    }
    watchBreaker.run();
  }

  /** Whether reads fail now for a {@link #breakWatchesAndFailReadsFor} window. */
  public synchronized boolean failingReads() {
    return failingReads.isOpen();
  }

  /** The status a read answers now, if reads fail. */
  synchronized OptionalInt readFailure() {
    return failingReads.isOpen() ? OptionalInt.of(failingReads.status()) : OptionalInt.empty();
  }

  /** The next {@code count} writes answer {@code httpStatus}; replaces any pending plan. */
  public synchronized void failNextWrites(int count, int httpStatus) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative: " + count);
    }
    failureStatus = FaultWindow.errorStatus(httpStatus);
    remainingFailures = count;
  }

  /** From now on, every list (not a watch, not a get) answers with no items, until set false. */
  public synchronized void answerEmptyLists(boolean empty) {
    emptyLists = empty;
  }

  synchronized boolean emptyLists() {
    return emptyLists;
  }

  /**
   * Every write answers {@code httpStatus} for {@code duration} from now, whoever sends it (an API
   * server overloaded, or its admission webhook down, for a while).
   */
  public synchronized void failWritesFor(Duration duration, int httpStatus) {
    failingWrites.open(duration, FaultWindow.errorStatus(httpStatus));
  }

  /** Whether writes fail now for a {@link #failWritesFor} window. */
  public synchronized boolean failingWrites() {
    return failingWrites.isOpen();
  }

  /**
   * For {@code duration} from now the API server stalls: every request but a watch is carried out
   * (a write takes effect) and answered only when the stall ends, so a client with a shorter
   * request timeout gives up without knowing whether its write was made, as with an API server
   * whose etcd is slow. Watches already open go on.
   */
  public synchronized void hangFor(Duration duration) {
    stall.open(duration, 200);
  }

  /** How long an answer given now is held back: zero unless the API server stalls. */
  public synchronized Duration answerDelay() {
    return stall.remaining();
  }

  /** How many of the planned failures have not been served yet. */
  public synchronized int pendingFailures() {
    return remainingFailures;
  }

  /** Consumes one planned failure, if any, and returns its status. */
  synchronized OptionalInt takeFailure() {
    if (failingWrites.isOpen()) {
      return OptionalInt.of(failingWrites.status());
    }
    if (remainingFailures == 0) {
      return OptionalInt.empty();
    }
    remainingFailures--;
    return OptionalInt.of(failureStatus);
  }
}
