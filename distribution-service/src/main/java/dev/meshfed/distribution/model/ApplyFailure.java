package dev.meshfed.distribution.model;

/**
 * An attempt to write an object to the cluster that failed. The object is retried until it works.
 *
 * @param key the object as the attempt addressed it, in the API version it used
 * @param operation what the attempt was to do
 * @param attempts attempts on the object so far, all failed, this one included
 * @param error what went wrong, in one line
 * @param drift for a repair, the drift it was to repair; for an apply refused because an object
 *     meshfed does not manage has the name, {@link Drift.Kind#UNMANAGED}; else null
 */
public record ApplyFailure(
    ObjectKey key, Operation operation, int attempts, String error, Drift.Kind drift) {

  public ApplyFailure(ObjectKey key, Operation operation, int attempts, String error) {
    this(key, operation, attempts, error, null);
  }

  /** What a failed attempt was to do. */
  public enum Operation {
    /** Server-side apply a desired object. */
    APPLY,
    /** Delete an object whose record was tombstoned. */
    DELETE,
    /** Delete a managed object that nothing desires. */
    PRUNE,
    /** Apply a desired object again that was deleted, edited or taken over in the cluster. */
    REPAIR
  }

  /** Whether this is {@code earlier} again: the same write failing the same way. */
  public boolean repeats(ApplyFailure earlier) {
    return earlier != null
        && key.equals(earlier.key)
        && operation == earlier.operation
        && error.equals(earlier.error);
  }
}
