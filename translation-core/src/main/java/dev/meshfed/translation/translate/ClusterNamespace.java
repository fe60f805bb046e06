package dev.meshfed.translation.translate;

import java.util.Comparator;

public record ClusterNamespace(String cluster, String namespace)
    implements Comparable<ClusterNamespace> {

  private static final Comparator<ClusterNamespace> ORDER =
      Comparator.comparing(ClusterNamespace::cluster).thenComparing(ClusterNamespace::namespace);

  @Override
  public int compareTo(ClusterNamespace other) {
    return ORDER.compare(this, other);
  }
}
