package dev.meshfed.lab.bench;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The grouped federation of a bench mesh: for each Service name that {@link
 * BenchSize#virtualDestinationServices} picks (svc-N exists in every cluster), a VirtualDestination
 * {@code svc-N.global} backed by svc-N in every cluster, a RouteTable routing that host to it, an
 * OutlierDetectionPolicy on the VirtualDestination and a RetryTimeoutPolicy on the route. Each
 * policy selects its own destination or route by a label only they carry (an empty selector would
 * select the whole workspace). They live in svc-N's namespace of one cluster, cluster N mod the
 * clusters, so that every cluster's discovery has its share.
 */
public final class GroupedMesh {

  static final String HOST_SUFFIX = "global";

  /** The kind a grouped change edits. */
  static final ResourceDefinitionContext VIRTUAL_DESTINATIONS =
      new ResourceDefinitionContext.Builder()
          .withGroup("meshfed.dev")
          .withVersion("v1alpha1")
          .withKind("VirtualDestination")
          .withPlural("virtualdestinations")
          .withNamespaced(true)
          .build();

  private GroupedMesh() {}

  /** The grouped objects that live in workload cluster number {@code index}. */
  static List<GenericKubernetesResource> ownedBy(BenchSize size, int index) {
    List<GenericKubernetesResource> objects = new ArrayList<>();
    for (int n : size.virtualDestinationServices()) {
      if (owner(size, n) == index) {
        objects.add(virtualDestination(size, n, BenchMesh.SERVICE_PORT));
        objects.add(routeTable(size, n));
        objects.add(outlierDetection(size, n));
        objects.add(retryTimeout(size, n));
      }
    }
    return objects;
  }

  /** The index of the workload cluster the grouped objects of svc-N live in. */
  static int owner(BenchSize size, int service) {
    return service % size.clusters();
  }

  /** The host of svc-N's VirtualDestination. */
  static String host(int service) {
    return "svc-" + service + "." + HOST_SUFFIX;
  }

  /**
   * svc-N's VirtualDestination, on {@code port}: it sends to the backing services' port named
   * {@code http}, so a Service port change keeps it backed.
   */
  static GenericKubernetesResource virtualDestination(BenchSize size, int n, int port) {
    return BenchMesh.parse(
        """
        apiVersion: meshfed.dev/v1alpha1
        kind: VirtualDestination
        metadata:
          name: svc-%d
          namespace: %s
          labels: {bench-destination: svc-%d}
        spec:
          hosts: [%s]
          services:
          - {name: svc-%d, namespace: %s}
          ports:
          - {number: %d, protocol: HTTP, targetPort: {name: %s}}
        """
            .formatted(
                n,
                size.namespaceOf(n),
                n,
                host(n),
                n,
                size.namespaceOf(n),
                port,
                BenchMesh.SERVICE_PORT_NAME));
  }

  /** The stored VirtualDestination of svc-N, its spec now on {@code port}; metadata untouched. */
  static GenericKubernetesResource withPort(
      GenericKubernetesResource stored, BenchSize size, int n, int port) {
    stored.setAdditionalProperty(
        "spec", virtualDestination(size, n, port).getAdditionalProperties().get("spec"));
    return stored;
  }

  private static GenericKubernetesResource routeTable(BenchSize size, int n) {
    return BenchMesh.parse(
        """
        apiVersion: meshfed.dev/v1alpha1
        kind: RouteTable
        metadata:
          name: svc-%d
          namespace: %s
        spec:
          hosts: [%s]
          http:
          - name: svc-%d
            labels: {bench-route: svc-%d}
            forwardTo:
              destinations:
              - ref: {name: svc-%d}
                kind: VIRTUAL_DESTINATION
                port: {name: %s}
        """
            .formatted(n, size.namespaceOf(n), host(n), n, n, n, BenchMesh.SERVICE_PORT_NAME));
  }

  private static GenericKubernetesResource outlierDetection(BenchSize size, int n) {
    return BenchMesh.parse(
        """
        apiVersion: meshfed.dev/v1alpha1
        kind: OutlierDetectionPolicy
        metadata:
          name: svc-%d-outlier-detection
          namespace: %s
        spec:
          applyToDestinations:
          - kind: VIRTUAL_DESTINATION
            selector:
              labels: {bench-destination: svc-%d}
          config:
            consecutiveErrors: 2
            interval: 5s
            baseEjectionTime: 30s
            maxEjectionPercent: 100
        """
            .formatted(n, size.namespaceOf(n), n));
  }

  private static GenericKubernetesResource retryTimeout(BenchSize size, int n) {
    return BenchMesh.parse(
        """
        apiVersion: meshfed.dev/v1alpha1
        kind: RetryTimeoutPolicy
        metadata:
          name: svc-%d-retry-timeout
          namespace: %s
        spec:
          applyToRoutes:
          - route:
              labels: {bench-route: svc-%d}
          config:
            requestTimeout: 5s
            retries: {attempts: 3, perTryTimeout: 2s}
        """
            .formatted(n, size.namespaceOf(n), n));
  }
}
