package dev.meshfed.translation.model;

import java.util.Objects;

/** An input object of one cluster, as discovery published it. */
public record ObjectId(String cluster, String kind, String namespace, String name)
    implements Comparable<ObjectId> {

  /** {@code cluster/Kind/namespace/name}: the form used in provenance annotations and events. */
  public String ref() {
    return cluster + "/" + kind + "/" + namespace + "/" + name;
  }

  // Written out: ids are compared, hashed and sorted millions of times a recompute (provenance,
  // indexes, diffs), and the generated record methods and comparator chains cost several times
  // more.
  @Override
  public int compareTo(ObjectId other) {
    int order = cluster.compareTo(other.cluster);
    if (order == 0) {
      order = kind.compareTo(other.kind);
    }
    if (order == 0) {
      order = namespace.compareTo(other.namespace);
    }
    return order == 0 ? name.compareTo(other.name) : order;
  }

  @Override
  public boolean equals(Object other) {
    return this == other
        || other instanceof ObjectId id
            && Objects.equals(name, id.name)
            && Objects.equals(namespace, id.namespace)
            && Objects.equals(kind, id.kind)
            && Objects.equals(cluster, id.cluster);
  }

  @Override
  public int hashCode() {
    int hash = Objects.hashCode(cluster);
    hash = 31 * hash + Objects.hashCode(kind);
    hash = 31 * hash + Objects.hashCode(namespace);
    return 31 * hash + Objects.hashCode(name);
  }

  @Override
  public String toString() {
    return ref();
  }
}
