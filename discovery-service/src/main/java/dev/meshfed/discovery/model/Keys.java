package dev.meshfed.discovery.model;

import dev.meshfed.schema.discovery.DiscoveryKey;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Comparator;
import java.util.Objects;

/** Building, ordering and printing discovery keys. */
public final class Keys {

  public static final Comparator<DiscoveryKey> ORDER =
      Comparator.comparing(DiscoveryKey::getKind)
          .thenComparing(DiscoveryKey::getNamespace)
          .thenComparing(DiscoveryKey::getName);

  private Keys() {}

  public static DiscoveryKey of(String kind, String namespace, String name) {
    return new DiscoveryKey(kind, Objects.requireNonNullElse(namespace, ""), name);
  }

  /** The key of an object: its namespace is "" when the object is cluster-scoped. */
  public static DiscoveryKey of(String kind, HasMetadata object) {
    return of(kind, object.getMetadata().getNamespace(), object.getMetadata().getName());
  }

  public static String describe(DiscoveryKey key) {
    String namespace = key.getNamespace().isEmpty() ? "" : key.getNamespace() + "/";
    return key.getKind() + " " + namespace + key.getName();
  }
}
