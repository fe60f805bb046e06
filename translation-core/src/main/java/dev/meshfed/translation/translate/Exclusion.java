package dev.meshfed.translation.translate;

import dev.meshfed.translation.model.ObjectId;

/**
 * A translation rule that keeps an object out of a cluster's desired config.
 *
 * @param subject the input the rule is about (the Service, the cluster's gateway…); null when there
 *     is none
 * @param message one sentence, as events and status report it
 */
public record Exclusion(Rule rule, ObjectId subject, String message) {

  /** The rules, in the order the translator applies them. */
  public enum Rule {
    /** meshfed writes ServiceEntries, Gateways, AuthorizationPolicies and Sidecars only. */
    NOT_A_MESHFED_KIND,
    /** No Service or workspace would give an AuthorizationPolicy or Sidecar this name. */
    NO_SUCH_OBJECT,
    /** No Service of any cluster has a host whose object would bear this name. */
    NO_SUCH_SERVICE,
    /** No host suffix gives a Gateway this name. */
    NO_SUCH_HOST_SUFFIX,
    /** The Service's cluster, or the target cluster, is removed from the mesh. */
    CLUSTER_REMOVED,
    /** The Service's namespace belongs to no workspace. */
    NOT_IN_WORKSPACE,
    /** Its workspace has no WorkspaceSettings that validly enable federation. */
    FEDERATION_OFF,
    /** Its workspace's serviceSelector does not select it. */
    NOT_SELECTED,
    /** An older Service's entries bear the same host or name in a cluster both would reach. */
    HOST_CONFLICT,
    /** Its workspace's settings do not enable options.serviceIsolation (or trimProxyConfig). */
    ISOLATION_OFF,
    /** Its workspace federates it under another host suffix, so its objects bear another name. */
    OTHER_HOST_SUFFIX,
    /** The Service's own cluster has no usable east-west gateway. */
    NO_EAST_WEST_GATEWAY,
    /** The Service has no TCP port. */
    NO_TCP_PORT,
    /** The workspace has no namespace in the target cluster. */
    TARGET_NOT_IN_WORKSPACE,
    /** The target cluster has no Istio control plane. */
    NO_CONTROL_PLANE,
    /**
     * Objects go to another namespace: remote entries and Gateways to the target's control-plane
     * namespace, a Service's local entry to the Service's own.
     */
    OTHER_NAMESPACE,
    /** The local entry of a Service without a selector could not reach its workloads. */
    NO_SELECTOR,
    /**
     * A cluster gets a Gateway for a host suffix only while it owns a federated service with it.
     */
    NO_FEDERATED_SERVICE,
    /** The input is invalid (a field named in its status), so it is federated nowhere. */
    INVALID_INPUT,
    /** A VirtualDestination's selectors select no service, or none other clusters can reach. */
    NO_BACKING_SERVICE,
    /** A route's destination is unknown to the clients of a cluster, so the route is left out. */
    NO_ROUTE_DESTINATION,
    /** A RouteTable routes no client of a cluster: its workload selectors select none there. */
    NO_SELECTED_CLIENTS,
    /** No destination policy selects a Service and no route asks for its subsets. */
    NO_POLICY_OR_SUBSET,
    /** The target's istiod makes the clusterset.local host itself (ENABLE_MCS_HOST). */
    ISTIOD_OWNS_HOST,
    /** No rule excludes it, yet the translation does not produce it: a bug. */
    UNEXPLAINED
  }
}
