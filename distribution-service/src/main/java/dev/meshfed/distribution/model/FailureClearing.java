package dev.meshfed.distribution.model;

/**
 * Which convergences translation needs to hear of (on the apply-failures topic): one that clears
 * failures, so the first after the distributor starts (translation may hold failures an earlier run
 * reported) and the first after new failures. The others, nearly one per change, it would read only
 * to drop.
 */
public final class FailureClearing {

  private boolean failuresToClear = true;

  /** A failure was reported. */
  public void failed() {
    failuresToClear = true;
  }

  /** Whether a convergence reported now clears failures translation may hold. */
  public boolean convergenceClears() {
    boolean clears = failuresToClear;
    failuresToClear = false;
    return clears;
  }
}
