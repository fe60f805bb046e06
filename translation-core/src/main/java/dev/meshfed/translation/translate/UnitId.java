package dev.meshfed.translation.translate;

import dev.meshfed.translation.model.ObjectId;
import java.util.List;

/**
 * A unit of translation: the smallest part of the output that is recomputed on its own. A change to
 * a Service recomputes its unit and its cluster's gateway unit; other changes recompute all.
 */
public sealed interface UnitId
    permits UnitId.ServiceUnit,
        UnitId.GatewayUnit,
        UnitId.ProxyConfigUnit,
        UnitId.StatusUnit,
        UnitId.VirtualDestinationUnit,
        UnitId.PolicyUnit,
        UnitId.RouteTableUnit,
        UnitId.ExternalServiceUnit,
        UnitId.ClustersetServiceUnit,
        UnitId.PeeringUnit,
        UnitId.Membership {

  /** A stable string form, used as a state-store key. */
  String key();

  static UnitId service(ObjectId service) {
    return new ServiceUnit(service);
  }

  static UnitId gateway(String cluster) {
    return new GatewayUnit(cluster);
  }

  static UnitId proxyConfig(String cluster) {
    return new ProxyConfigUnit(cluster);
  }

  static UnitId status(String cluster) {
    return new StatusUnit(cluster);
  }

  /** A VirtualDestination's entries and rules, and its status. */
  static UnitId virtualDestination(ObjectId virtualDestination) {
    return new VirtualDestinationUnit(virtualDestination, false);
  }

  /** A VirtualDestination's WorkloadEntries. */
  static UnitId virtualDestinationEndpoints(ObjectId virtualDestination) {
    return new VirtualDestinationUnit(virtualDestination, true);
  }

  /** Both units of a VirtualDestination. */
  static List<UnitId> virtualDestinationUnits(ObjectId virtualDestination) {
    return List.of(
        virtualDestination(virtualDestination), virtualDestinationEndpoints(virtualDestination));
  }

  static UnitId routeTable(ObjectId routeTable) {
    return new RouteTableUnit(routeTable);
  }

  static UnitId externalService(ObjectId externalService) {
    return new ExternalServiceUnit(externalService);
  }

  static UnitId clustersetService(String namespace, String name) {
    return new ClustersetServiceUnit(namespace, name);
  }

  static UnitId peering(String cluster) {
    return new PeeringUnit(cluster);
  }

  static UnitId policy(ObjectId policy) {
    return new PolicyUnit(policy);
  }

  UnitId MEMBERSHIP = new Membership();

  /** A policy's status (what it sets is written by the units of what it selects). */
  record PolicyUnit(ObjectId policy) implements UnitId {
    @Override
    public String key() {
      return "policy|" + policy.ref();
    }
  }

  /** A RouteTable's VirtualService in every cluster where it selects clients, and its status. */
  record RouteTableUnit(ObjectId routeTable) implements UnitId {
    @Override
    public String key() {
      return "route-table|" + routeTable.ref();
    }
  }

  /** An ExternalService's objects in every cluster of its workspace, and its status. */
  record ExternalServiceUnit(ObjectId externalService) implements UnitId {
    @Override
    public String key() {
      return "external-service|" + externalService.ref();
    }
  }

  /**
   * A Multi-Cluster Services service: what the ServiceExports of {@code namespace/name} in every
   * cluster make of it (its ServiceImports, the Istio config of its clusterset host) and their
   * statuses.
   */
  record ClustersetServiceUnit(String namespace, String name) implements UnitId {
    @Override
    public String key() {
      return "clusterset-service|" + namespace + "/" + name;
    }
  }

  /**
   * A cluster's OpenShift Service Mesh federation: the Istio config of the services it exports to
   * peers that import them, and the statuses of its peers and service sets.
   */
  record PeeringUnit(String cluster) implements UnitId {
    @Override
    public String key() {
      return "peering|" + cluster;
    }
  }

  /**
   * A VirtualDestination's objects in every cluster that consumes it: its entries and rules, and
   * its status; or ({@code endpoints}) its WorkloadEntries, a unit of their own because they are
   * most of its objects (19 of every 21 at 20 clusters) and most of its changes (its ports, a
   * backing Service's ports) leave them as they are.
   */
  record VirtualDestinationUnit(ObjectId virtualDestination, boolean endpoints) implements UnitId {
    @Override
    public String key() {
      return (endpoints ? "virtual-destination-endpoints|" : "virtual-destination|")
          + virtualDestination.ref();
    }
  }

  /** The statuses of the Workspaces, WorkspaceSettings and KubernetesClusters in a cluster. */
  record StatusUnit(String cluster) implements UnitId {
    @Override
    public String key() {
      return "status|" + cluster;
    }
  }

  /** The Sidecars that trim the proxies of a cluster's workspace namespaces. */
  record ProxyConfigUnit(String cluster) implements UnitId {
    @Override
    public String key() {
      return "proxy-config|" + cluster;
    }
  }

  record ServiceUnit(ObjectId service) implements UnitId {
    @Override
    public String key() {
      return "service|" + service.ref();
    }
  }

  record GatewayUnit(String cluster) implements UnitId {
    @Override
    public String key() {
      return "gateway|" + cluster;
    }
  }

  /** Diagnostics about workspaces and settings themselves. */
  record Membership() implements UnitId {
    @Override
    public String key() {
      return "membership";
    }
  }
}
