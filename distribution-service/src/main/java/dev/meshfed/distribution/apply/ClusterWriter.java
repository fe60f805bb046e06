package dev.meshfed.distribution.apply;

import dev.meshfed.distribution.model.DesiredManifest;
import dev.meshfed.distribution.model.LiveObject;
import dev.meshfed.distribution.model.ObjectKey;
import dev.meshfed.distribution.model.ResourceType;
import java.util.List;
import java.util.Optional;

/** Writes to the cluster's API server. Any exception is a failed attempt, to be retried. */
public interface ClusterWriter {

  /**
   * Server-side apply with force: meshfed's fields become its own again, whoever held them.
   *
   * @return the resource version the applied object has; empty if the API server did not say
   */
  String apply(DesiredManifest manifest);

  /**
   * Replaces the object's whole status with the manifest's, through the status subresource: an
   * apply leaves the status alone there. The object must exist.
   *
   * @return the resource version the object has with it; empty if the API server did not say
   */
  String writeStatus(DesiredManifest manifest);

  /** Deletes the object; an object that is already gone is not an error. */
  void delete(ObjectKey key, ResourceType type);

  /** The object as the API server holds it now; empty when it does not exist. */
  Optional<LiveObject> read(ObjectKey key, ResourceType type);

  /**
   * Removes fields from the object, each given as its path of names: an apply cannot remove fields
   * another field manager owns.
   */
  void removeFields(ObjectKey key, ResourceType type, List<List<String>> paths);
}
