package dev.meshfed.distribution.apply;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Opens the catch-up once the topic has been read to its end and the watch has shown what the
 * cluster holds, so that what drifted while the service was down is compared, repaired and reported
 * rather than silently overwritten. A watch that cannot start (the API server refuses the list,
 * say) holds the catch-up back only for a while: then it goes ahead without it.
 *
 * <p>Runs on the loop's scheduler thread only.
 */
final class CatchUpGate {

  private static final Logger LOG = Logger.getLogger(CatchUpGate.class);

  private final ScheduledExecutorService scheduler;
  private final Duration watchWait;
  private final Runnable catchUp;
  private boolean readToEnd;
  private boolean watchSynced;
  private boolean watchFailed;
  private boolean open;

  CatchUpGate(ScheduledExecutorService scheduler, Duration watchWait, Runnable catchUp) {
    this.scheduler = scheduler;
    this.watchWait = watchWait;
    this.catchUp = catchUp;
  }

  void readToEnd() {
    readToEnd = true;
    if (watchSynced) {
      open();
    } else if (watchFailed) {
      openWithoutTheWatch("failed to start");
    } else {
      scheduler.schedule(this::stopWaitingForTheWatch, watchWait.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  void watchSynced() {
    watchSynced = true;
    if (readToEnd) {
      open();
    }
  }

  /** The watch's start failed; it is retried, and the catch-up need not wait for it. */
  void watchFailed() {
    watchFailed = true;
    if (readToEnd) {
      openWithoutTheWatch("failed to start");
    }
  }

  private void stopWaitingForTheWatch() {
    openWithoutTheWatch("has not listed them within " + watchWait);
  }

  private void openWithoutTheWatch(String why) {
    if (!open) {
      LOG.warnf(
          "The watch of meshfed's objects %s: catching up without it; what changed while the"
              + " service was down is put back but not reported as drift",
          why);
      open();
    }
  }

  private void open() {
    if (!open) {
      open = true;
      catchUp.run();
    }
  }
}
