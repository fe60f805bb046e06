package dev.meshfed.distribution.apply;

import dev.meshfed.distribution.model.ApplyFailure;
import dev.meshfed.distribution.model.Convergence;
import dev.meshfed.distribution.model.Drift;
import dev.meshfed.distribution.model.ObjectKey;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every report; fails every report to order. */
final class FakeReports implements ApplyReports {

  private final List<ApplyFailure> failures = new CopyOnWriteArrayList<>();
  private final List<Convergence> convergences = new CopyOnWriteArrayList<>();
  private final List<String> repairs = new CopyOnWriteArrayList<>();
  private final List<String> withheld = new CopyOnWriteArrayList<>();
  private volatile boolean broken;
  private volatile boolean closed;

  /** Every report throws from now on, as a reporter with a bug would. */
  void breakReporting() {
    broken = true;
  }

  List<ApplyFailure> failures() {
    return List.copyOf(failures);
  }

  List<Convergence> convergences() {
    return List.copyOf(convergences);
  }

  /** Each repair as "namespace/name: what it repaired". */
  List<String> repairs() {
    return List.copyOf(repairs);
  }

  /** Each withheld prune as "objects: reason". */
  List<String> withheld() {
    return List.copyOf(withheld);
  }

  boolean closed() {
    return closed;
  }

  @Override
  public void applyFailed(ApplyFailure failure) {
    failIfBroken();
    failures.add(failure);
  }

  @Override
  public void converged(Convergence convergence) {
    failIfBroken();
    convergences.add(convergence);
  }

  @Override
  public void pruneWithheld(int objects, String reason) {
    failIfBroken();
    withheld.add(objects + ": " + reason);
  }

  @Override
  public void driftRepaired(ObjectKey key, Drift drift) {
    failIfBroken();
    repairs.add(key.namespace() + "/" + key.name() + ": " + drift.describe());
  }

  @Override
  public void close() {
    closed = true;
  }

  private void failIfBroken() {
    if (broken) {
      throw new IllegalStateException("injected failure: cannot report");
    }
  }
}
