package dev.meshfed.distribution.apply;

import dev.failsafe.Failsafe;
import dev.meshfed.distribution.model.ResourceType;
import dev.meshfed.distribution.model.StatusRecord;
import dev.meshfed.distribution.model.StatusTarget;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Writes back the statuses translation gives the inputs that live in this cluster: reads the
 * cluster's status topic from its beginning on a thread of its own, and writes each input's latest
 * status, retrying a failed write with backoff until it succeeds, a newer status replaces it, or
 * the input goes. An input that is not in the cluster (any more) is skipped: when it comes back,
 * discovery publishes it again and translation gives it a status again.
 */
public final class StatusLoop implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(StatusLoop.class);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

  private final String name;
  private final StatusSource source;
  private final StatusWriter writer;
  private final RetrySettings retry;
  private final Map<StatusTarget, Pending> pending = new HashMap<>();
  private final Thread thread;
  private volatile boolean running = true;
  private long settled;

  /** A status still to write, and when it may next be tried. */
  private record Pending(ResourceType type, String status, int failures, long notBefore) {}

  public StatusLoop(String name, StatusSource source, StatusWriter writer, RetrySettings retry) {
    this.name = name;
    this.source = source;
    this.writer = writer;
    this.retry = retry;
    this.thread = new Thread(this::run, "meshfed-status-" + name);
  }

  public void start() {
    thread.start();
  }

  /** Statuses written, or found to have no object to go to, since start. */
  public synchronized long settled() {
    return settled;
  }

  private void run() {
    try {
      seekToBeginning();
      while (running) {
        source.poll().forEach(this::take);
        writeDue();
      }
    } catch (RuntimeException e) {
      if (running) {
        LOG.errorf(e, "Stopped writing statuses from %s", name);
      }
    } finally {
      source.close();
    }
  }

  private void seekToBeginning() {
    Failsafe.with(retry.<Void>whileRunning(() -> "start reading " + name, () -> running))
        .run(source::seekToBeginning);
  }

  private void take(StatusRecord record) {
    StatusTarget target = record.target();
    if (record.status().isEmpty() || record.apiVersion().isEmpty()) {
      pending.remove(target);
      return;
    }
    Optional<ResourceType> type = target.type(record.apiVersion().get());
    if (type.isEmpty()) {
      LOG.debugf("Not writing the status of %s (%s): not a meshfed kind", target, record.origin());
      pending.remove(target);
      return;
    }
    pending.put(target, new Pending(type.get(), record.status().get(), 0, 0));
  }

  private void writeDue() {
    long now = System.currentTimeMillis();
    Iterator<Map.Entry<StatusTarget, Pending>> due = pending.entrySet().iterator();
    while (due.hasNext() && running) {
      Map.Entry<StatusTarget, Pending> entry = due.next();
      Pending status = entry.getValue();
      if (status.notBefore() > now) {
        continue;
      }
      try {
        if (!writer.write(entry.getKey(), status.type(), status.status())) {
          LOG.debugf("%s is not in the cluster: its status is not written", entry.getKey());
        }
        countSettled();
        due.remove();
      } catch (RuntimeException e) {
        entry.setValue(failed(entry.getKey(), status, e, now));
      }
    }
  }

  private Pending failed(StatusTarget target, Pending status, RuntimeException e, long now) {
    long delay =
        Math.min(
            retry.initialDelay().toMillis() << Math.min(status.failures(), 20),
            retry.maxDelay().toMillis());
    LOG.warnf(
        "Failed to write the status of %s (attempt %d), retrying in %d ms: %s",
        target, status.failures() + 1, delay, e.getMessage());
    return new Pending(status.type(), status.status(), status.failures() + 1, now + delay);
  }

  private synchronized void countSettled() {
    settled++;
  }

  /** Stops reading and writing; idempotent. */
  @Override
  public void close() {
    if (!running) {
      return;
    }
    running = false;
    source.wakeup();
    try {
      thread.join(STOP_TIMEOUT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (thread.isAlive()) {
      LOG.warnf("Status writing for %s did not stop within %s", name, STOP_TIMEOUT);
    }
  }
}
