package dev.meshfed.discovery.model;

import dev.meshfed.schema.DiscoveredKinds;
import dev.meshfed.schema.discovery.NamespaceState;
import io.fabric8.kubernetes.api.model.Namespace;

/** Namespace → kind Namespace. */
public final class NamespaceMapper {

  private NamespaceMapper() {}

  public static Mapping map(Namespace namespace) {
    var state = new NamespaceState(Envelope.labels(namespace));
    return Mapping.of(
        new Write(Keys.of(DiscoveredKinds.NAMESPACE, namespace), Envelope.wrap(namespace, state)));
  }
}
