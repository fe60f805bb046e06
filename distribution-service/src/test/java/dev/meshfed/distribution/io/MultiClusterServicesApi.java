package dev.meshfed.distribution.io;

import dev.meshfed.testbed.ManifestFiles;
import dev.meshfed.testbed.SimulatedCluster;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.nio.file.Path;
import java.util.List;

/** The Multi-Cluster Services CRDs of k8s/mcs-crds, and their objects in a simulated cluster. */
final class MultiClusterServicesApi {

  static final String API_VERSION = "multicluster.x-k8s.io/v1alpha1";
  private static final Path CRDS = Path.of("../k8s/mcs-crds");

  private MultiClusterServicesApi() {}

  /** Creates the CRDs, as a cluster admin installing the API would. */
  static void install(SimulatedCluster cluster) {
    for (String kind : List.of("serviceimports", "serviceexports")) {
      Path file = CRDS.resolve(kind + ".multicluster.x-k8s.io.yaml");
      cluster.client().resource(ManifestFiles.one(file, CustomResourceDefinition.class)).create();
    }
  }

  static NonNamespaceOperation<
          GenericKubernetesResource,
          GenericKubernetesResourceList,
          Resource<GenericKubernetesResource>>
      serviceImports(KubernetesClient client) {
    return client
        .genericKubernetesResources(context("ServiceImport", "serviceimports"))
        .inNamespace(IstioObjects.NAMESPACE);
  }

  static NonNamespaceOperation<
          GenericKubernetesResource,
          GenericKubernetesResourceList,
          Resource<GenericKubernetesResource>>
      serviceExports(KubernetesClient client) {
    return client
        .genericKubernetesResources(context("ServiceExport", "serviceexports"))
        .inNamespace(IstioObjects.NAMESPACE);
  }

  private static ResourceDefinitionContext context(String kind, String plural) {
    return new ResourceDefinitionContext.Builder()
        .withGroup("multicluster.x-k8s.io")
        .withVersion("v1alpha1")
        .withKind(kind)
        .withPlural(plural)
        .withNamespaced(true)
        .build();
  }
}
