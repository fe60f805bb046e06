package dev.meshfed.distribution.apply;

import java.util.concurrent.ScheduledExecutorService;
import org.jboss.logging.Logger;

/**
 * Reports an execution that ended in failure. Failures are retried forever, so that only happens
 * when the scheduler shuts down (expected) or on an Error (not).
 */
final class Abandonment {

  private static final Logger LOG = Logger.getLogger(Abandonment.class);

  private Abandonment() {}

  static void report(ScheduledExecutorService scheduler, Throwable failure, String what) {
    if (failure == null) {
      return;
    }
    if (scheduler.isShutdown()) {
      LOG.debugf(failure, "Stopped trying to %s: shutting down", what);
    } else {
      LOG.errorf(failure, "Stopped trying to %s", what);
    }
  }
}
