package dev.meshfed.distribution.apply;

import dev.meshfed.distribution.model.ApplyFailure;
import dev.meshfed.distribution.model.Convergence;
import dev.meshfed.distribution.model.Drift;
import dev.meshfed.distribution.model.ObjectKey;
import org.jboss.logging.Logger;

/**
 * Keeps a failing report out of the loop: an exception thrown inside an attempt would fail the
 * attempt, so a report that throws after a successful write would have it written again.
 */
final class GuardedReports implements ApplyReports {

  private static final Logger LOG = Logger.getLogger(GuardedReports.class);

  private final ApplyReports reports;

  GuardedReports(ApplyReports reports) {
    this.reports = reports;
  }

  @Override
  public void applyFailed(ApplyFailure failure) {
    guarded(() -> reports.applyFailed(failure), failure);
  }

  @Override
  public void converged(Convergence convergence) {
    guarded(() -> reports.converged(convergence), convergence);
  }

  @Override
  public void pruneWithheld(int objects, String reason) {
    guarded(() -> reports.pruneWithheld(objects, reason), "a withheld prune");
  }

  @Override
  public void driftRepaired(ObjectKey key, Drift drift) {
    guarded(() -> reports.driftRepaired(key, drift), "repaired " + key);
  }

  @Override
  public void close() {
    guarded(reports::close, "the end of reporting");
  }

  private static void guarded(Runnable report, Object what) {
    try {
      report.run();
    } catch (RuntimeException e) {
      LOG.errorf(e, "Cannot report %s", what);
    }
  }
}
