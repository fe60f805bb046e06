package dev.meshfed.lab.bench;

import dev.meshfed.testbed.scenario.Step;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The input state of a bench mesh, as a scenario step: every workload cluster runs Istio (its
 * proxies capturing DNS, as multi-cluster hosts need) with an east-west gateway and its share of
 * Services; the management cluster holds one Workspace over every cluster's namespaces; federation
 * is on for all of them. Grouped, it has the {@link GroupedMesh} too.
 */
public final class BenchMesh {

  public static final String WORKSPACE = "bench";
  static final String SERVICE_PORT_NAME = "http";
  static final int SERVICE_PORT = 8080;

  /** What meshfed writes for every federated Service (the bench's Istio runs 1.24: v1). */
  static final ResourceDefinitionContext SERVICE_ENTRIES =
      new ResourceDefinitionContext.Builder()
          .withGroup("networking.istio.io")
          .withVersion("v1")
          .withKind("ServiceEntry")
          .withPlural("serviceentries")
          .withNamespaced(true)
          .build();

  private BenchMesh() {}

  public static Step initial(BenchSize size) {
    Map<String, List<GenericKubernetesResource>> objects = new LinkedHashMap<>();
    objects.put(BenchSize.MANAGEMENT_CLUSTER, List.of(workspace(size)));
    List<String> clusters = size.workloadClusters();
    for (int i = 0; i < clusters.size(); i++) {
      objects.put(clusters.get(i), workloadCluster(size, clusters.get(i), i));
    }
    return new Step("bench", objects);
  }

  /** Service number {@code n} of a cluster: its namespace follows from the number. */
  public static GenericKubernetesResource service(BenchSize size, int n, int port) {
    String namespace = size.namespaceOf(n);
    return parse(
        """
        apiVersion: v1
        kind: Service
        metadata:
          name: svc-%d
          namespace: %s
          labels: {app: svc-%d}
        spec:
          selector: {app: svc-%d}
          ports:
          - {name: %s, port: %d, targetPort: %d}
        """
            .formatted(n, namespace, n, n, SERVICE_PORT_NAME, port, port));
  }

  private static List<GenericKubernetesResource> workloadCluster(
      BenchSize size, String cluster, int index) {
    List<GenericKubernetesResource> objects = new ArrayList<>(istio(cluster, index));
    if (index == 0) {
      objects.add(settings(size));
    }
    for (int n = 0; n < size.servicesPerCluster(); n++) {
      objects.add(service(size, n, SERVICE_PORT));
    }
    objects.addAll(GroupedMesh.ownedBy(size, index));
    return objects;
  }

  private static List<GenericKubernetesResource> istio(String cluster, int index) {
    return List.of(
        parse(
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: istiod
              namespace: istio-system
              labels: {app: istiod, istio: pilot}
            spec:
              replicas: 1
              selector: {matchLabels: {app: istiod}}
              template:
                metadata: {labels: {app: istiod, istio: pilot}}
                spec:
                  containers:
                  - {name: discovery, image: docker.io/istio/pilot:1.24.2}
            """),
        // multi-cluster hosts resolve only where the proxies capture DNS, as Istio's
        // multi-cluster installs turn on
        parse(
            """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: istio
              namespace: istio-system
              labels: {istio.io/rev: default}
            data:
              mesh: |-
                defaultConfig:
                  proxyMetadata:
                    ISTIO_META_DNS_CAPTURE: "true"
                    ISTIO_META_DNS_AUTO_ALLOCATE: "true"
            """),
        parse(
            """
            apiVersion: v1
            kind: Service
            metadata:
              name: istio-eastwestgateway
              namespace: istio-system
              labels: {istio: eastwestgateway, topology.istio.io/network: %s}
            spec:
              type: LoadBalancer
              selector: {istio: eastwestgateway}
              ports:
              - {name: tls, port: 15443, targetPort: 15443}
            status:
              loadBalancer:
                ingress:
                - ip: 172.18.%d.%d
            """
                .formatted(cluster, 1 + index / 250, 10 + index % 250)));
  }

  private static GenericKubernetesResource workspace(BenchSize size) {
    StringBuilder clusters = new StringBuilder();
    for (String cluster : size.workloadClusters()) {
      clusters.append("  - name: ").append(cluster).append("\n    namespaces:\n");
      size.namespaceNames().forEach(ns -> clusters.append("    - name: ").append(ns).append('\n'));
    }
    return parse(
        """
        apiVersion: meshfed.dev/v1alpha1
        kind: Workspace
        metadata:
          name: %s
          namespace: gloo-mesh
        spec:
          workloadClusters:
        %s"""
            .formatted(WORKSPACE, clusters));
  }

  private static GenericKubernetesResource settings(BenchSize size) {
    return parse(
        """
        apiVersion: meshfed.dev/v1alpha1
        kind: WorkspaceSettings
        metadata:
          name: bench-settings
          namespace: %s
        spec:
          options:
            federation:
              enabled: true
              hostSuffix: global
              serviceSelector:
              - {}
        """
            .formatted(size.namespaceNames().get(0)));
  }

  static GenericKubernetesResource parse(String yaml) {
    return Serialization.unmarshal(yaml, GenericKubernetesResource.class);
  }
}
