package dev.meshfed.discovery.sync;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.Map;

/** Small Kubernetes objects for orchestration tests. */
final class TestObjects {

  private TestObjects() {}

  static Namespace namespace(String name, Map<String, String> labels) {
    return new NamespaceBuilder()
        .withNewMetadata()
        .withName(name)
        .withUid("uid-" + name)
        .withLabels(labels)
        .endMetadata()
        .build();
  }

  static Service service(String namespace, String name, int port) {
    return new ServiceBuilder()
        .withNewMetadata()
        .withNamespace(namespace)
        .withName(name)
        .withUid("uid-" + name)
        .endMetadata()
        .withNewSpec()
        .addNewPort()
        .withName("http")
        .withPort(port)
        .endPort()
        .endSpec()
        .build();
  }

  /** A Service labelled istio=eastwestgateway. */
  static Service eastWestGateway(String namespace) {
    return new ServiceBuilder(service(namespace, "istio-eastwestgateway", 15443))
        .editMetadata()
        .addToLabels("istio", "eastwestgateway")
        .endMetadata()
        .build();
  }

  static Deployment deployment(String namespace, String name) {
    return new DeploymentBuilder()
        .withNewMetadata()
        .withNamespace(namespace)
        .withName(name)
        .withUid("uid-" + name)
        .withGeneration(1L)
        .withResourceVersion("1")
        .endMetadata()
        .withNewSpec()
        .withNewTemplate()
        .withNewMetadata()
        .addToLabels("app", name)
        .endMetadata()
        .withNewSpec()
        .withServiceAccountName(name)
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }
}
