package dev.meshfed.distribution.apply;

/** Why an identity is reconciled: decides whether a delete counts as deleted or pruned. */
enum Cause {
  /** A record read after catch-up. */
  RECORD,
  /** The state read during catch-up. */
  CATCH_UP,
  /** A managed live object that nothing seemed to desire when listed. */
  PRUNE,
  /** The watch saw a desired object deleted or changed: read it, and repair it if it drifted. */
  DRIFT
}
