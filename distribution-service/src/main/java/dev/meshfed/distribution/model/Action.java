package dev.meshfed.distribution.model;

/** What one attempt does to one live object so that it matches the desired state. */
public sealed interface Action {

  ObjectIdentity identity();

  /** The object as this action addresses it, in the API version it uses. */
  ObjectKey key();

  /** Server-side apply the manifest. */
  record Apply(DesiredManifest manifest) implements Action {
    @Override
    public ObjectIdentity identity() {
      return manifest.identity();
    }

    @Override
    public ObjectKey key() {
      return manifest.key();
    }
  }

  /** Delete the object, addressed through {@code type}; an absent object is already done. */
  record Delete(ObjectKey key, ResourceType type) implements Action {
    @Override
    public ObjectIdentity identity() {
      return key.identity();
    }
  }
}
