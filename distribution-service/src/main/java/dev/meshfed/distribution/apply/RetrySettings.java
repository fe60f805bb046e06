package dev.meshfed.distribution.apply;

import dev.failsafe.RetryPolicy;
import dev.failsafe.RetryPolicyBuilder;
import dev.failsafe.event.ExecutionScheduledEvent;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/** Exponential backoff without a limit on attempts: a write meshfed must make is never dropped. */
public record RetrySettings(Duration initialDelay, Duration maxDelay) {

  public static final RetrySettings DEFAULT =
      new RetrySettings(Duration.ofMillis(200), Duration.ofSeconds(30));

  private static final Logger LOG = Logger.getLogger(RetrySettings.class);

  /** Retries every exception, logging each failure as a failure to do {@code what}. */
  <T> RetryPolicy<T> forever(Supplier<String> what) {
    return this.<T>builder(what).build();
  }

  /** Like {@link #forever}, but an exception thrown once {@code running} is false ends it. */
  <T> RetryPolicy<T> whileRunning(Supplier<String> what, BooleanSupplier running) {
    return this.<T>builder(what).handleIf(failure -> running.getAsBoolean()).build();
  }

  private <T> RetryPolicyBuilder<T> builder(Supplier<String> what) {
    return RetryPolicy.<T>builder()
        .withBackoff(initialDelay, maxDelay)
        .withMaxRetries(-1)
        .onRetryScheduled(event -> logRetry(what.get(), event));
  }

  private static void logRetry(String what, ExecutionScheduledEvent<?> event) {
    LOG.warnf(
        "Failed to %s (attempt %d), retrying in %d ms: %s",
        what,
        event.getAttemptCount(),
        event.getDelay().toMillis(),
        String.valueOf(event.getLastException()));
  }
}
