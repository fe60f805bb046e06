package dev.meshfed.distribution.apply;

import dev.meshfed.distribution.model.ResourceType;
import dev.meshfed.distribution.model.StatusTarget;

/** Writes an input's status subresource. Any exception is a failed attempt, to be retried. */
public interface StatusWriter {

  /**
   * Replaces the whole status of the object.
   *
   * @return false when the object does not exist (any more): nothing to write to
   */
  boolean write(StatusTarget target, ResourceType type, String statusJson);
}
