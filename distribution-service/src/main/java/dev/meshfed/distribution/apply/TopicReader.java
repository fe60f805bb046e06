package dev.meshfed.distribution.apply;

import dev.failsafe.Failsafe;
import dev.failsafe.function.CheckedSupplier;
import dev.meshfed.distribution.model.TopicRecord;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Reads the desired topic on a thread of its own: creates it if needed, reads it from the
 * beginning, says when it reached the end the topic had at start, then keeps reading. Every step is
 * retried until it works or the reader is closed.
 */
final class TopicReader implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(TopicReader.class);
  private static final Duration WAKEUP_TIMEOUT = Duration.ofSeconds(2);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

  private final DesiredTopic topic;
  private final DesiredRecordSource source;
  private final RetrySettings retry;
  private final Consumer<List<TopicRecord>> onRecords;
  private final Runnable onCaughtUp;
  private final Thread thread;
  private final Object interruptLock = new Object();
  private boolean closingSource;
  private volatile boolean running = true;

  TopicReader(
      DesiredTopic topic,
      DesiredRecordSource source,
      RetrySettings retry,
      Consumer<List<TopicRecord>> onRecords,
      Runnable onCaughtUp) {
    this.topic = topic;
    this.source = source;
    this.retry = retry;
    this.onRecords = onRecords;
    this.onCaughtUp = onCaughtUp;
    this.thread = new Thread(this::read, "meshfed-reader-" + topic.name());
  }

  void start() {
    thread.start();
  }

  /** False once reading stopped for a reason other than {@link #close}: nothing will be read. */
  boolean reading() {
    return !running || thread.isAlive() || thread.getState() == Thread.State.NEW;
  }

  /** Stops reading and closes the source; idempotent. */
  @Override
  public void close() {
    if (!running) {
      return;
    }
    running = false;
    source.wakeup();
    if (!joined(WAKEUP_TIMEOUT)) {
      interruptUnlessClosingSource();
      if (!joined(STOP_TIMEOUT)) {
        LOG.warnf("%s did not stop within %s", thread.getName(), STOP_TIMEOUT);
      }
    }
  }

  private void read() {
    try {
      untilDone(() -> ensureTopic(), "create topic " + topic.name());
      untilDone(() -> seekToBeginning(), "seek to the beginning of " + topic.name());
      while (running && !untilDone(source::caughtUp, "find the position in " + topic.name())) {
        handOver(poll());
      }
      onCaughtUp.run();
      while (running) {
        handOver(poll());
      }
    } catch (RuntimeException e) {
      if (running) {
        LOG.errorf(e, "Stopped reading %s", topic.name());
      } else {
        LOG.debugf(e, "Stopped reading %s on shutdown", topic.name());
      }
    } finally {
      closeSource();
    }
  }

  private boolean ensureTopic() {
    topic.ensureExists();
    return true;
  }

  private boolean seekToBeginning() {
    source.seekToBeginning();
    return true;
  }

  private List<TopicRecord> poll() {
    return untilDone(source::poll, "read " + topic.name());
  }

  private void handOver(List<TopicRecord> records) {
    if (!records.isEmpty()) {
      onRecords.accept(records);
    }
  }

  private <T> T untilDone(CheckedSupplier<T> step, String what) {
    return Failsafe.with(retry.<T>whileRunning(() -> what, () -> running)).get(step);
  }

  /**
   * Ends a retry delay or a blocking call. Never once the source is closing: an interrupted Kafka
   * consumer cannot close cleanly.
   */
  private void interruptUnlessClosingSource() {
    synchronized (interruptLock) {
      if (!closingSource) {
        thread.interrupt();
      }
    }
  }

  private void closeSource() {
    synchronized (interruptLock) {
      closingSource = true;
    }
    // Clears an interrupt that ended a retry: the source must close cleanly regardless.
    Thread.interrupted();
    source.close();
  }

  private boolean joined(Duration timeout) {
    try {
      thread.join(timeout.toMillis());
      return !thread.isAlive();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while stopping " + thread.getName(), e);
    }
  }
}
