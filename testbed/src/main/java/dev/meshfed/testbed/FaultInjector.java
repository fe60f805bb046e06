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

  private int remainingFailures;
  private int failureStatus;
  private boolean emptyLists;
  private long failingUntilNanos;
  private int timedFailureStatus;
  private long hangingUntilNanos;
  private boolean hanging;

  private final Runnable watchBreaker;
  private long readsFailingUntilNanos;
  private int readFailureStatus;

  FaultInjector(Runnable watchBreaker) {
    this.watchBreaker = watchBreaker;
  }

  /**
   * Breaks off every open watch with 410 Gone (as once etcd compacted past it), so that every
   * informer lists again, and for {@code duration} from now every read (list, get or new watch)
   * answers {@code httpStatus}: the relists fail until the window ends.
   */
  public void breakWatchesAndFailReadsFor(Duration duration, int httpStatus) {
    if (httpStatus < 400 || httpStatus > 599) {
      throw new IllegalArgumentException("not an error status: " + httpStatus);
    }
    synchronized (this) {
      readsFailingUntilNanos = System.nanoTime() + duration.toNanos();
      readFailureStatus = httpStatus;
    }
    watchBreaker.run();
  }

  /** Whether reads fail now for a {@link #breakWatchesAndFailReadsFor} window. */
  public synchronized boolean failingReads() {
    return readFailureStatus != 0 && System.nanoTime() - readsFailingUntilNanos < 0;
  }

  /** The status a read answers now, if reads fail. */
  synchronized OptionalInt readFailure() {
    return failingReads() ? OptionalInt.of(readFailureStatus) : OptionalInt.empty();
  }

  /** The next {@code count} writes answer {@code httpStatus}; replaces any pending plan. */
  public synchronized void failNextWrites(int count, int httpStatus) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative: " + count);
    }
    if (httpStatus < 400 || httpStatus > 599) {
      throw new IllegalArgumentException("not an error status: " + httpStatus);
    }
    remainingFailures = count;
    failureStatus = httpStatus;
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
    if (httpStatus < 400 || httpStatus > 599) {
      throw new IllegalArgumentException("not an error status: " + httpStatus);
    }
    failingUntilNanos = System.nanoTime() + duration.toNanos();
    timedFailureStatus = httpStatus;
  }

  /** Whether writes fail now for a {@link #failWritesFor} window. */
  public synchronized boolean failingWrites() {
    return timedFailureStatus != 0 && System.nanoTime() - failingUntilNanos < 0;
  }

  /**
   * For {@code duration} from now the API server stalls: every request but a watch is carried out
   * (a write takes effect) and answered only when the stall ends, so a client with a shorter
   * request timeout gives up without knowing whether its write was made, as with an API server
   * whose etcd is slow. Watches already open go on.
   */
  public synchronized void hangFor(Duration duration) {
    hangingUntilNanos = System.nanoTime() + duration.toNanos();
    hanging = true;
  }

  /** How long an answer given now is held back: zero unless the API server stalls. */
  public synchronized Duration answerDelay() {
    if (!hanging) {
      return Duration.ZERO;
    }
    long remaining = hangingUntilNanos - System.nanoTime();
    if (remaining <= 0) {
      hanging = false;
      return Duration.ZERO;
    }
    return Duration.ofNanos(remaining);
  }

  /** How many of the planned failures have not been served yet. */
  public synchronized int pendingFailures() {
    return remainingFailures;
  }

  /** Consumes one planned failure, if any, and returns its status. */
  synchronized OptionalInt takeFailure() {
    if (timedFailureStatus != 0 && System.nanoTime() - failingUntilNanos < 0) {
      return OptionalInt.of(timedFailureStatus);
    }
    if (remainingFailures == 0) {
      return OptionalInt.empty();
    }
    remainingFailures--;
    return OptionalInt.of(failureStatus);
  }
}
