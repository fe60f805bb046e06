package dev.meshfed.distribution.apply;

import dev.meshfed.distribution.model.DesiredManifest;
import dev.meshfed.distribution.model.ObjectKey;
import dev.meshfed.distribution.model.ResourceType;

/** Writes to the cluster's API server. Any exception is a failed attempt, to be retried. */
public interface ClusterWriter {

  /** Server-side apply as the sole field manager of meshfed's fields. */
  void apply(DesiredManifest manifest);

  /** Deletes the object; an object that is already gone is not an error. */
  void delete(ObjectKey key, ResourceType type);
}
