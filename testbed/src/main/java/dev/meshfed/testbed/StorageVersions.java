package dev.meshfed.testbed;

import java.util.List;
import java.util.Map;

/**
 * Which API versions of a group address the same stored objects: the served versions of the group's
 * CRD when one is stored, else the versions Istio serves for its groups (so that ServiceEntries
 * applied via v1 are visible via v1beta1 even before the CRDs are loaded).
 */
final class StorageVersions {

  private static final Map<String, List<String>> ISTIO_VERSIONS =
      Map.of(
          "networking.istio.io", List.of("v1", "v1beta1", "v1alpha3"),
          "security.istio.io", List.of("v1", "v1beta1"));

  private StorageVersions() {}

  /** The versions other than {@code version} that share its objects. */
  static List<String> equivalentVersions(
      String group, String version, List<String> versionsDeclaredByCrd) {
    List<String> versions =
        versionsDeclaredByCrd.isEmpty()
            ? ISTIO_VERSIONS.getOrDefault(group, List.of())
            : versionsDeclaredByCrd;
    if (!versions.contains(version)) {
      return List.of();
    }
    return versions.stream().filter(other -> !other.equals(version)).toList();
  }
}
