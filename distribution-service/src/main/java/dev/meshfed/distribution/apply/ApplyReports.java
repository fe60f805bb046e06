package dev.meshfed.distribution.apply;

import dev.meshfed.distribution.model.ApplyFailure;
import dev.meshfed.distribution.model.Convergence;
import dev.meshfed.distribution.model.Drift;
import dev.meshfed.distribution.model.ObjectKey;

/**
 * Where the loop reports what it cannot write to the cluster and when the cluster has converged.
 * Called on the loop's scheduler thread, which also writes to the cluster: must not block.
 */
public interface ApplyReports extends AutoCloseable {

  /** A write failed, for the first time or differently from the last report on its object. */
  void applyFailed(ApplyFailure failure);

  void converged(Convergence convergence);

  /** The catch-up did not prune {@code objects} undesired objects, for {@code reason}. */
  void pruneWithheld(int objects, String reason);

  /** A managed object had drifted from its desired state and was applied again. */
  void driftRepaired(ObjectKey key, Drift drift);

  /** Delivers what was reported, within a bounded time, and releases what it holds. */
  @Override
  void close();
}
