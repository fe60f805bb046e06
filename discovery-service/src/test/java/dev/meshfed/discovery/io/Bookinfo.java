package dev.meshfed.discovery.io;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;

/** The bookinfo namespace and its plain Services, as the discovery ITs create and relabel them. */
final class Bookinfo {

  static final String NAMESPACE = "bookinfo";

  private Bookinfo() {}

  static void createNamespace(KubernetesClient kube, Map<String, String> labels) {
    kube.resource(
            new NamespaceBuilder()
                .withNewMetadata()
                .withName(NAMESPACE)
                .withLabels(labels)
                .endMetadata()
                .build())
        .create();
  }

  static void relabelNamespace(KubernetesClient kube, Map<String, String> labels) {
    kube.namespaces()
        .withName(NAMESPACE)
        .edit(
            namespace ->
                new NamespaceBuilder(namespace)
                    .editMetadata()
                    .withLabels(labels)
                    .endMetadata()
                    .build());
  }

  /** A Service selecting the pods labelled app: name, on port 9080. */
  static void createService(KubernetesClient kube, String name) {
    kube.resource(
            new ServiceBuilder()
                .withNewMetadata()
                .withNamespace(NAMESPACE)
                .withName(name)
                .endMetadata()
                .withNewSpec()
                .addToSelector("app", name)
                .addNewPort()
                .withName("http")
                .withPort(9080)
                .endPort()
                .endSpec()
                .build())
        .create();
  }
}
