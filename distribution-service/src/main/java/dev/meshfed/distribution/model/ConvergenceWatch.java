package dev.meshfed.distribution.model;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * Decides when a distribution has converged in a way worth reporting: whenever it is idle (caught
 * up, nothing pending or retrying) after it wrote something since the last report, and once when it
 * first catches up, even with nothing written, so that every start says when it is done.
 */
public final class ConvergenceWatch {

  private long writesReported = -1;

  /** A convergence to report, given the latest status and the offset its state reflects. */
  public Optional<Convergence> observe(DistributionStatus status, OptionalLong desiredOffset) {
    long writes = status.applied() + status.deleted() + status.pruned();
    if (!status.caughtUp() || status.pending() > 0 || writes == writesReported) {
      return Optional.empty();
    }
    writesReported = writes;
    return Optional.of(
        new Convergence(
            status.desired(),
            status.applied(),
            status.deleted(),
            status.pruned(),
            status.failed(),
            desiredOffset,
            status.pruneWithheld()));
  }
}
