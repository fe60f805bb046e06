package dev.meshfed.translation.translate;

import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.model.ServiceInput;
import dev.meshfed.translation.translate.Exclusion.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;

/** Why an isolation AuthorizationPolicy or a trimming Sidecar is not produced. */
final class PolicyVerdicts {

  private PolicyVerdicts() {}

  /** The policy of the Service of its name in that namespace and cluster, if there is one. */
  static List<Exclusion> authorizationPolicy(
      MeshInputs inputs, Membership membership, String cluster, String namespace, String name) {
    List<ServiceInput> services =
        inputs
            .inCluster(cluster, ServiceInput.class)
            .filter(s -> s.id().namespace().equals(namespace))
            .filter(s -> ServiceIsolation.name(s.id().name()).equals(name))
            .toList();
    if (services.isEmpty()) {
      return List.of(
          new Exclusion(
              Rule.NO_SUCH_OBJECT,
              null,
              "no Service in namespace "
                  + namespace
                  + " of cluster "
                  + cluster
                  + " has an isolation policy named "
                  + name
                  + "; meshfed names them "
                  + ServiceIsolation.name("SERVICE")));
    }
    List<Exclusion> exclusions = new ArrayList<>();
    for (ServiceInput service : services) {
      exclusions.add(isolationExclusion(service, inputs, membership));
    }
    return exclusions;
  }

  private static Exclusion isolationExclusion(
      ServiceInput service, MeshInputs inputs, Membership membership) {
    Decision<ServiceFederation.Federated> federated =
        ServiceFederation.federation(service, inputs, membership);
    if (!federated.isAllowed()) {
      return federated.exclusion();
    }
    ObjectId id = service.id();
    WorkspacePlan workspace = federated.allowed().workspace();
    if (!federated.allowed().plan().settings().isolates()) {
      return new Exclusion(
          Rule.ISOLATION_OFF,
          id,
          federated.allowed().plan().settings().id().ref()
              + " of workspace "
              + workspace.name()
              + " do not enable options.serviceIsolation");
    }
    if (ClusterMesh.controlPlane(inputs, id.cluster()).isEmpty()) {
      return new Exclusion(
          Rule.NO_CONTROL_PLANE, id, "cluster " + id.cluster() + " has no Istio control plane");
    }
    if (service.selector().isEmpty()) {
      return new Exclusion(
          Rule.NO_SELECTOR,
          id,
          "the service has no selector, and a policy without one would cover its whole namespace");
    }
    return new Exclusion(
        Rule.UNEXPLAINED,
        id,
        "no rule excludes its isolation policy, yet the translation does not produce it");
  }

  /** The Sidecar of the workspace of its name, in that namespace of that cluster. */
  static List<Exclusion> sidecar(
      MeshInputs inputs, Membership membership, String cluster, String namespace, String name) {
    Optional<WorkspacePlan> workspace =
        membership.workspaces().values().stream()
            .filter(w -> ProxyTrimming.name(w.name()).equals(name))
            .findFirst();
    if (workspace.isEmpty()) {
      return List.of(
          new Exclusion(
              Rule.NO_SUCH_OBJECT,
              null,
              "no workspace has a Sidecar named "
                  + name
                  + "; meshfed names them "
                  + ProxyTrimming.name("WORKSPACE")));
    }
    WorkspacePlan plan = workspace.get();
    Optional<Exclusion> removed = membership.removalExclusion(cluster, plan.workspace().id());
    if (removed.isPresent()) {
      return List.of(removed.get());
    }
    SortedSet<String> namespaces = plan.namespacesByCluster().get(cluster);
    if (namespaces == null || !namespaces.contains(namespace)) {
      return List.of(
          new Exclusion(
              Rule.NOT_IN_WORKSPACE,
              plan.workspace().id(),
              "namespace "
                  + namespace
                  + " of cluster "
                  + cluster
                  + " does not belong to workspace "
                  + plan.name()));
    }
    if (!plan.settings().map(s -> s.trimsProxyConfig()).orElse(false)) {
      return List.of(
          new Exclusion(
              Rule.ISOLATION_OFF,
              plan.workspace().id(),
              "the settings of workspace "
                  + plan.name()
                  + " do not enable options.serviceIsolation with trimProxyConfig"));
    }
    return List.of(
        new Exclusion(
            Rule.NO_CONTROL_PLANE,
            plan.workspace().id(),
            "cluster " + cluster + " has no Istio control plane"));
  }
}
