package dev.meshfed.discovery.model;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.Map;

/** Kubernetes objects as an API server returns them, for mapper tests. */
final class Fixtures {

  static final String UID = "6f1c2a34-0000-4000-8000-000000000001";
  static final String CREATED = "2024-05-01T10:00:00Z";
  static final String OSSM_API_VERSION = "federation.maistra.io/v1";
  static final String OSSM_NAMESPACE = "red-mesh-system";

  private Fixtures() {}

  static ObjectMeta metadata(String namespace, String name, Map<String, String> labels) {
    return new ObjectMetaBuilder()
        .withNamespace(namespace)
        .withName(name)
        .withLabels(labels)
        .withUid(UID)
        .withGeneration(3L)
        .withCreationTimestamp(CREATED)
        .withResourceVersion("17")
        .build();
  }

  static GenericKubernetesResource customResource(String kind, String name, Object spec) {
    var builder =
        new GenericKubernetesResourceBuilder()
            .withApiVersion(MeshfedResource.API_VERSION)
            .withKind(kind)
            .withMetadata(metadata("gloo-mesh", name, Map.of()));
    if (spec != null) {
      builder.addToAdditionalProperties("spec", spec);
    }
    return builder.build();
  }

  /** An OpenShift Service Mesh federation.maistra.io/v1 resource in a control-plane namespace. */
  static GenericKubernetesResource ossmResource(String kind, String name, Object spec) {
    var builder =
        new GenericKubernetesResourceBuilder()
            .withApiVersion(OSSM_API_VERSION)
            .withKind(kind)
            .withMetadata(metadata(OSSM_NAMESPACE, name, Map.of()));
    if (spec != null) {
      builder.addToAdditionalProperties("spec", spec);
    }
    return builder.build();
  }
}
