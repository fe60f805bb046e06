package dev.meshfed.distribution.model;

import java.util.Objects;

/**
 * An object as a desired record or a list call names it: with the API version it was written in.
 * Two keys that differ only in version name the same live object (see {@link #identity()}).
 */
public record ObjectKey(String apiVersion, String kind, String namespace, String name) {

  public ObjectKey {
    Objects.requireNonNull(apiVersion, "apiVersion");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
  }

  public ObjectIdentity identity() {
    return new ObjectIdentity(group(), kind, namespace, name);
  }

  /** The API group: empty for the core group ("v1"). */
  public String group() {
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }

  public String version() {
    return apiVersion.substring(apiVersion.indexOf('/') + 1);
  }

  @Override
  public String toString() {
    return kind + " " + namespace + "/" + name + " (" + apiVersion + ")";
  }
}
