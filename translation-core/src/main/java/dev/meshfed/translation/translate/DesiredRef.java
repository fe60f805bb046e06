package dev.meshfed.translation.translate;

import java.util.Collection;
import java.util.function.Predicate;

/**
 * One object of a cluster's desired config, by kind, namespace and name (in any API version): what
 * {@code explain} asks about, and what a translator's exclusions are matched against.
 */
public record DesiredRef(String cluster, String kind, String namespace, String name) {

  public static DesiredRef of(Output output) {
    return new DesiredRef(output.cluster(), output.kind(), output.namespace(), output.name());
  }

  public static DesiredRef of(WrittenObject object) {
    return new DesiredRef(object.cluster(), object.kind(), object.namespace(), object.name());
  }

  static Predicate<DesiredRef> ofKind(String kind) {
    return ref -> ref.kind().equals(kind);
  }

  static Predicate<DesiredRef> inCluster(String cluster) {
    return ref -> ref.cluster().equals(cluster);
  }

  static Predicate<DesiredRef> inClusters(Collection<String> clusters) {
    return ref -> clusters.contains(ref.cluster());
  }

  static Predicate<DesiredRef> inNamespace(String namespace) {
    return ref -> ref.namespace().equals(namespace);
  }

  static Predicate<DesiredRef> named(String name) {
    return ref -> ref.name().equals(name);
  }
}
