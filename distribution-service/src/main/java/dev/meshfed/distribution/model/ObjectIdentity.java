package dev.meshfed.distribution.model;

/**
 * What makes a live object the one object it is: API group, kind, namespace and name. The API
 * version is not part of it: an API server serves the same object in every version of its group.
 */
public record ObjectIdentity(String group, String kind, String namespace, String name) {

  @Override
  public String toString() {
    return kind + "." + group + " " + namespace + "/" + name;
  }
}
