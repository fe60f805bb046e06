package dev.meshfed.distribution.model;

/**
 * An attempt to write an object to the cluster that failed. The object is retried until it works.
 *
 * @param key the object as the attempt addressed it, in the API version it used
 * @param operation what the attempt was to do
 * @param attempts attempts on the object so far, all failed, this one included
 * @param error what went wrong, in one line
 */
public record ApplyFailure(ObjectKey key, Operation operation, int attempts, String error) {

  /** What a failed attempt was to do. */
  public enum Operation {
    /** Server-side apply a desired object. */
    APPLY,
    /** Delete an object whose record was tombstoned. */
    DELETE,
    /** Delete a managed object that nothing desires. */
    PRUNE
  }

  /** Whether this is {@code earlier} again: the same write failing the same way. */
  public boolean repeats(ApplyFailure earlier) {
    return earlier != null
        && key.equals(earlier.key)
        && operation == earlier.operation
        && error.equals(earlier.error);
  }
}
