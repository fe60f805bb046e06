package dev.meshfed.distribution.apply;

import java.time.Duration;

/**
 * Hears, for each object applied or deleted because a record asked for it, how long after the
 * record was written that happened: the distribution stage's share of propagation.
 */
@FunctionalInterface
public interface ApplyLatency {

  ApplyLatency NONE = sinceWritten -> {};

  void done(Duration sinceWritten);
}
