package dev.meshfed.translation.model;

import java.util.Comparator;

/** An input object of one cluster, as discovery published it. */
public record ObjectId(String cluster, String kind, String namespace, String name)
    implements Comparable<ObjectId> {

  private static final Comparator<ObjectId> ORDER =
      Comparator.comparing(ObjectId::cluster)
          .thenComparing(ObjectId::kind)
          .thenComparing(ObjectId::namespace)
          .thenComparing(ObjectId::name);

  /** {@code cluster/Kind/namespace/name}: the form used in provenance annotations and events. */
  public String ref() {
    return cluster + "/" + kind + "/" + namespace + "/" + name;
  }

  @Override
  public int compareTo(ObjectId other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return ref();
  }
}
