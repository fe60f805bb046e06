package dev.meshfed.translation.translate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshfed.translation.model.ControlPlaneInput;
import dev.meshfed.translation.model.MeshConfigInput;
import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.model.ServiceInput;
import dev.meshfed.translation.model.ServicePortInput;
import dev.meshfed.translation.translate.Exclusion.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * options.serviceIsolation: an ALLOW AuthorizationPolicy on a federated service's workloads, in its
 * own namespace and cluster, that admits only the identities of its workspace's and importers'
 * namespaces ({@code <trustDomain>/ns/<namespace>/sa/*}, each cluster's trust domain from its mesh
 * config), on the service's ports. Requests through east-west gateways keep the caller's identity
 * (AUTO_PASSTHROUGH does not terminate mTLS), so remote callers are told apart too.
 */
final class ServiceIsolation {

  static final String AUTHORIZATION_POLICY = "AuthorizationPolicy";

  private static final Predicate<DesiredRef> POLICIES = DesiredRef.ofKind(AUTHORIZATION_POLICY);

  private ServiceIsolation() {}

  /** The policy's name for a service: in the service's namespace, next to the user's own. */
  static String name(String service) {
    return Manifests.objectName("meshfed-isolation-" + service);
  }

  /**
   * The policy for a service federated by {@code federated} and imported by {@code importers}, or
   * the rule that stops it: isolation off, no control plane in the owner's cluster (silently: its
   * entries report that), or no selector (a warning).
   */
  static void translate(
      ServiceInput service,
      ServiceFederation.Federated federated,
      List<WorkspacePlan> importers,
      MeshInputs inputs,
      Translation.Builder out) {
    ObjectId id = service.id();
    WorkspacePlan workspace = federated.workspace();
    if (!federated.plan().settings().isolates()) {
      out.stop(
          POLICIES,
          () ->
              new Exclusion(
                  Rule.ISOLATION_OFF,
                  id,
                  federated.plan().settings().id().ref()
                      + " of workspace "
                      + workspace.name()
                      + " do not enable options.serviceIsolation"));
      return;
    }
    Optional<ControlPlaneInput> controlPlane = ClusterMesh.controlPlane(inputs, id.cluster());
    if (controlPlane.isEmpty()) {
      out.stop(POLICIES, () -> ClusterMesh.noControlPlane(id.cluster(), id));
      return;
    }
    if (service.selector().isEmpty()) {
      out.stopAndWarn(
          POLICIES,
          new Exclusion(
              Rule.NO_SELECTOR,
              id,
              "options.serviceIsolation is enabled, but the service has no selector: an"
                  + " AuthorizationPolicy without one would cover the whole namespace, so the"
                  + " service is not isolated"));
      return;
    }
    Optional<List<String>> ports = ports(service);
    if (ports.isEmpty()) {
      out.warn(
          id,
          "a port targets a named container port, which an AuthorizationPolicy cannot name;"
              + " the isolation policy admits the workspace's identities on every port");
    }
    List<WorkspacePlan> allowed = new ArrayList<>(importers);
    allowed.add(0, workspace);
    Callers callers = callers(id.cluster(), allowed, inputs);
    callers
        .unnameable()
        .forEach(
            (cluster, namespaces) ->
                out.warn(id, unnameableWhy(id.cluster(), cluster, namespaces, inputs)));
    out.output(policy(service, workspace, allowed, callers, ports, controlPlane.get(), inputs));
  }

  private static Output policy(
      ServiceInput service,
      WorkspacePlan workspace,
      List<WorkspacePlan> allowed,
      Callers callers,
      Optional<List<String>> ports,
      ControlPlaneInput controlPlane,
      MeshInputs inputs) {
    ObjectId id = service.id();
    ObjectNode spec = Manifests.objectNode();
    spec.putObject("selector").set("matchLabels", Manifests.stringMap(service.selector()));
    spec.put("action", "ALLOW");
    ObjectNode rule = spec.putArray("rules").addObject();
    ArrayNode from = rule.putArray("from");
    from.addObject()
        .putObject("source")
        .set("principals", Manifests.strings(List.copyOf(callers.principals())));
    SortedSet<String> anyDomain = new TreeSet<>();
    callers.unnameable().values().forEach(anyDomain::addAll);
    if (!anyDomain.isEmpty()) {
      from.addObject()
          .putObject("source")
          .set("namespaces", Manifests.strings(List.copyOf(anyDomain)));
    }
    ports
        .filter(list -> !list.isEmpty())
        .ifPresent(
            list ->
                rule.putArray("to")
                    .addObject()
                    .putObject("operation")
                    .set("ports", Manifests.strings(list)));
    List<ObjectId> sources = sources(id, allowed, controlPlane, inputs);
    String apiVersion = IstioApi.securityApiVersion(controlPlane.version());
    String name = name(id.name());
    ObjectNode manifest =
        Manifests.object(
            apiVersion,
            AUTHORIZATION_POLICY,
            id.namespace(),
            name,
            Map.of(
                Manifests.WORKSPACE_LABEL,
                workspace.name(),
                Manifests.SOURCE_CLUSTER_LABEL,
                id.cluster()),
            Map.of(Manifests.SOURCES_ANNOTATION, Manifests.sources(sources)),
            spec);
    return new Output(
        id.cluster(),
        apiVersion,
        AUTHORIZATION_POLICY,
        id.namespace(),
        name,
        manifest,
        workspace.name(),
        sources.stream().sorted().distinct().toList(),
        null,
        id.cluster(),
        "options.serviceIsolation of workspace "
            + workspace.name()
            + " admits only the identities of "
            + allowed.stream().map(WorkspacePlan::name).toList()
            + " to "
            + id.ref());
  }

  /**
   * Who the policy admits: every namespace of the allowed workspaces, in every cluster, as {@code
   * <that cluster's trust domain>/ns/<namespace>/sa/*}; except where that trust domain is Istio's
   * default, cluster.local, and not one of the policy's own cluster's trust domains: Istio rewrites
   * a cluster.local principal to the local trust domains (ReplaceTrustDomainAliases), so such
   * callers can only be admitted by namespace, in any trust domain.
   */
  record Callers(SortedSet<String> principals, SortedMap<String, SortedSet<String>> unnameable) {}

  static Callers callers(String policyCluster, List<WorkspacePlan> allowed, MeshInputs inputs) {
    List<String> local = localTrustDomains(policyCluster, inputs);
    SortedSet<String> principals = new TreeSet<>();
    SortedMap<String, SortedSet<String>> unnameable = new TreeMap<>();
    for (WorkspacePlan plan : allowed) {
      plan.namespacesByCluster()
          .forEach(
              (cluster, namespaces) -> {
                String trustDomain = ClusterMesh.trustDomain(inputs, cluster);
                if (trustDomain.equals(MeshConfigInput.DEFAULT_TRUST_DOMAIN)
                    && !local.contains(trustDomain)) {
                  unnameable.computeIfAbsent(cluster, c -> new TreeSet<>()).addAll(namespaces);
                } else {
                  namespaces.forEach(ns -> principals.add(trustDomain + "/ns/" + ns + "/sa/*"));
                }
              });
    }
    return new Callers(principals, unnameable);
  }

  static List<String> localTrustDomains(String cluster, MeshInputs inputs) {
    List<String> local = new ArrayList<>(List.of(ClusterMesh.trustDomain(inputs, cluster)));
    ClusterMesh.meshConfig(inputs, cluster)
        .ifPresent(config -> local.addAll(config.trustDomainAliases()));
    return local;
  }

  private static String unnameableWhy(
      String policyCluster, String callerCluster, SortedSet<String> namespaces, MeshInputs inputs) {
    return "cluster "
        + callerCluster
        + " issues identities in Istio's default trust domain cluster.local, which a policy in"
        + " cluster "
        + policyCluster
        + " (trust domain "
        + ClusterMesh.trustDomain(inputs, policyCluster)
        + ") cannot name: Istio reads cluster.local there as its own trust domain. The isolation"
        + " policy admits namespaces "
        + namespaces
        + " from any trust domain instead; give each cluster a trust domain of its own, or make"
        + " cluster.local an alias of "
        + policyCluster
        + "'s, to tell them apart";
  }

  /**
   * The TCP ports the workloads listen on (the proxies see no other traffic): a policy matches the
   * port a request arrives at on the workload, which is the service port's target. Empty when one
   * targets a named container port.
   */
  private static Optional<List<String>> ports(ServiceInput service) {
    SortedSet<Integer> ports = new TreeSet<>();
    for (ServicePortInput port : service.ports()) {
      if (port.protocol() != null && !"TCP".equalsIgnoreCase(port.protocol())) {
        continue;
      }
      String target = port.targetPort();
      if (target == null || target.isEmpty()) {
        ports.add(port.port());
      } else if (target.chars().allMatch(Character::isDigit)) {
        ports.add(Integer.parseInt(target));
      } else {
        return Optional.empty();
      }
    }
    return Optional.of(ports.stream().map(String::valueOf).toList());
  }

  private static List<ObjectId> sources(
      ObjectId service,
      List<WorkspacePlan> allowed,
      ControlPlaneInput controlPlane,
      MeshInputs inputs) {
    List<ObjectId> sources = new ArrayList<>(List.of(service, controlPlane.id()));
    for (WorkspacePlan plan : allowed) {
      sources.add(plan.workspace().id());
      plan.settings().ifPresent(settings -> sources.add(settings.id()));
      plan.namespacesByCluster()
          .keySet()
          .forEach(
              cluster ->
                  ClusterMesh.meshConfig(inputs, cluster)
                      .map(MeshConfigInput::id)
                      .ifPresent(sources::add));
    }
    return sources;
  }
}
