package dev.meshfed.distribution.io;

import dev.meshfed.distribution.model.ResourceType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

/** fabric8's addressing of a kind at a version: no CRD lookup needed. */
final class ResourceContexts {

  private ResourceContexts() {}

  static ResourceDefinitionContext of(ResourceType type) {
    return new ResourceDefinitionContext.Builder()
        .withGroup(type.kind().group())
        .withVersion(type.version())
        .withKind(type.kind().kind())
        .withPlural(type.kind().plural())
        .withNamespaced(true)
        .build();
  }
}
