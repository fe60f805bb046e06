package dev.meshfed.testbed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A cluster that serves only the kinds it defines, as a real API server does. */
class DefinedKindsTest {

  private static final ResourceDefinitionContext SERVICE_IMPORTS =
      new ResourceDefinitionContext.Builder()
          .withGroup("multicluster.x-k8s.io")
          .withVersion("v1alpha1")
          .withKind("ServiceImport")
          .withPlural("serviceimports")
          .withNamespaced(true)
          .build();

  private SimulatedCluster cluster;
  private KubernetesClient client;

  @BeforeEach
  void start() {
    cluster = SimulatedCluster.start("strict");
    client = cluster.client();
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  @Test
  void byDefaultAnUndefinedKindIsStoredUnchecked() {
    serviceImports().resource(serviceImport()).create();

    assertThat(serviceImports().withName("reviews").get()).isNotNull();
  }

  @Test
  void anUndefinedKindIsNotFoundUntilItsCrdIsCreated() {
    cluster.serveOnlyDefinedKinds();

    assertThatThrownBy(() -> serviceImports().list())
        .isInstanceOfSatisfying(
            KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(404));
    assertThatThrownBy(
            () ->
                serviceImports()
                    .resource(serviceImport())
                    .fieldManager("meshfed")
                    .forceConflicts()
                    .serverSideApply())
        .isInstanceOfSatisfying(
            KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(404));
    assertThat(serviceImports().withName("reviews").get()).isNull();

    client
        .resource(
            ManifestFiles.one(
                Path.of("../k8s/mcs-crds/serviceimports.multicluster.x-k8s.io.yaml"),
                CustomResourceDefinition.class))
        .create();
    serviceImports().resource(serviceImport()).create();

    assertThat(serviceImports().list().getItems())
        .extracting(item -> item.getMetadata().getName())
        .containsExactly("reviews");
  }

  @Test
  void builtInKindsAndInstalledIstioAreServedStill() {
    cluster.serveOnlyDefinedKinds();
    cluster.installIstio("1.24");

    client
        .configMaps()
        .inNamespace("default")
        .resource(new ConfigMapBuilder().withNewMetadata().withName("c").endMetadata().build())
        .create();
    assertThat(client.namespaces().withName("default").get()).isNotNull();
    assertThat(client.configMaps().inNamespace("default").withName("c").get()).isNotNull();
    assertThat(
            client
                .genericKubernetesResources("networking.istio.io/v1", "ServiceEntry")
                .inAnyNamespace()
                .list()
                .getItems())
        .isEmpty();
  }

  private NonNamespaceOperation<
          GenericKubernetesResource,
          GenericKubernetesResourceList,
          Resource<GenericKubernetesResource>>
      serviceImports() {
    return client.genericKubernetesResources(SERVICE_IMPORTS).inNamespace("bookinfo");
  }

  private static GenericKubernetesResource serviceImport() {
    return new GenericKubernetesResourceBuilder()
        .withApiVersion("multicluster.x-k8s.io/v1alpha1")
        .withKind("ServiceImport")
        .withNewMetadata()
        .withName("reviews")
        .withNamespace("bookinfo")
        .endMetadata()
        .addToAdditionalProperties(
            "spec",
            Map.of("type", "ClusterSetIP", "ports", List.of(Map.of("protocol", "TCP", "port", 80))))
        .build();
  }
}
