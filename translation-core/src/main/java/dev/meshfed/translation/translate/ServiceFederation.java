package dev.meshfed.translation.translate;

import dev.meshfed.schema.DiscoveredKinds;
import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.model.MeshInputs.PerInput;
import dev.meshfed.translation.model.NamespaceInput;
import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.model.ServiceInput;
import dev.meshfed.translation.model.WorkspaceInput;
import dev.meshfed.translation.model.WorkspaceSettingsInput;
import dev.meshfed.translation.translate.Diagnostic.Severity;
import dev.meshfed.translation.translate.Exclusion.Rule;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Whether a Service is federated, by which workspace and plan, under which host, and to which
 * clusters: the decisions its translation starts with, which its cluster's gateway and the
 * workspaces' counts read too.
 */
final class ServiceFederation {

  /** The workspace whose federation plan covers a service. */
  record Federated(WorkspacePlan workspace, FederationPlan plan) {}

  private ServiceFederation() {}

  /**
   * Whether a service's workspace federates it, and no older service claims its objects: the
   * decision that makes a service count for its cluster's gateway.
   */
  static Decision<Federated> federation(
      ServiceInput service, MeshInputs inputs, Membership membership) {
    Decision<Federated> federated = federationByWorkspace(service, inputs, membership);
    if (!federated.isAllowed()) {
      return federated;
    }
    Optional<Exclusion> conflict =
        HostClaims.conflict(service, federated.allowed(), inputs, membership);
    return conflict.isPresent() ? Decision.exclude(conflict::get) : federated;
  }

  private static final PerInput<ServiceInput, Optional<Federated>> BY_WORKSPACE =
      new PerInput<>(ServiceInput.class, "federated by which workspace");

  /**
   * {@link #federation}'s outcome without its reasons, for units that ask it of every service of a
   * cluster or the mesh: the workspace's part is kept per service and membership.
   */
  static Optional<Federated> federatedBy(
      ServiceInput service, MeshInputs inputs, Membership membership) {
    return byWorkspace(service, inputs, membership)
        .filter(f -> HostClaims.conflict(service, f, inputs, membership).isEmpty());
  }

  /** {@link #federationByWorkspace}'s outcome without its reasons, kept per service. */
  static Optional<Federated> byWorkspace(
      ServiceInput service, MeshInputs inputs, Membership membership) {
    return inputs.memo(
        BY_WORKSPACE,
        service,
        membership,
        s -> {
          Decision<Federated> decision = federationByWorkspace(s, inputs, membership);
          return decision.isAllowed() ? Optional.of(decision.allowed()) : Optional.empty();
        });
  }

  /** Whether a service's workspace federates it, whatever other services claim. */
  static Decision<Federated> federationByWorkspace(
      ServiceInput service, MeshInputs inputs, Membership membership) {
    ObjectId id = service.id();
    Optional<Exclusion> removed = membership.removalExclusion(id.cluster(), id);
    if (removed.isPresent()) {
      return Decision.exclude(removed::get);
    }
    Optional<WorkspacePlan> workspace = membership.workspaceOf(id.cluster(), id.namespace());
    if (workspace.isEmpty()) {
      return Decision.exclude(
          () ->
              new Exclusion(
                  Rule.NOT_IN_WORKSPACE,
                  id,
                  "namespace "
                      + id.namespace()
                      + " of cluster "
                      + id.cluster()
                      + " belongs to no workspace"
                      + rejectedClaims(id, inputs, membership)));
    }
    Optional<FederationPlan> plan = workspace.get().federation();
    if (plan.isEmpty()) {
      return Decision.exclude(
          () -> new Exclusion(Rule.FEDERATION_OFF, id, federationOff(workspace.get(), membership)));
    }
    if (!plan.get().selects(service)) {
      return Decision.exclude(
          () ->
              new Exclusion(
                  Rule.NOT_SELECTED,
                  id,
                  "options.federation.serviceSelector of "
                      + plan.get().settings().id().ref()
                      + " (workspace "
                      + workspace.get().name()
                      + ") does not select it"));
    }
    return Decision.allow(new Federated(workspace.get(), plan.get()));
  }

  static String host(ServiceInput service, String hostSuffix) {
    return host(service.id(), hostSuffix);
  }

  static String host(ObjectId service, String hostSuffix) {
    return service.name()
        + "."
        + service.namespace()
        + ".svc."
        + service.cluster()
        + "."
        + hostSuffix;
  }

  /**
   * The clusters the workspace or a workspace importing the service holds namespaces in: every one
   * gets an entry.
   */
  static SortedSet<String> targets(WorkspacePlan workspace, List<WorkspacePlan> importers) {
    SortedSet<String> targets = new TreeSet<>(workspace.namespacesByCluster().keySet());
    importers.forEach(importer -> targets.addAll(importer.namespacesByCluster().keySet()));
    return targets;
  }

  /** Why federation is off for a workspace, from the settings the resolver attached to it. */
  private static String federationOff(WorkspacePlan workspace, Membership membership) {
    if (workspace.settings().isEmpty()) {
      return "workspace "
          + workspace.name()
          + " has no WorkspaceSettings in its namespaces, so it federates nothing";
    }
    WorkspaceSettingsInput settings = workspace.settings().get();
    if (settings.federation() == null || !settings.federation().enabled()) {
      return "WorkspaceSettings "
          + settings.id().ref()
          + " of workspace "
          + workspace.name()
          + " do not enable options.federation";
    }
    return "WorkspaceSettings "
        + settings.id().ref()
        + " of workspace "
        + workspace.name()
        + " are invalid, so federation is off: "
        + membership.diagnostics().stream()
            .filter(d -> d.input().equals(settings.id()) && d.severity() == Severity.INVALID)
            .map(Diagnostic::message)
            .collect(Collectors.joining("; "));
  }

  /** Workspaces that select the service's namespace but were rejected, with why. */
  private static String rejectedClaims(ObjectId service, MeshInputs inputs, Membership membership) {
    Optional<NamespaceInput> namespace =
        inputs.get(namespaceId(service)).map(NamespaceInput.class::cast);
    Map<String, String> clusterLabels = membership.clusterLabels().get(service.cluster());
    return membership.diagnostics().stream()
        .filter(d -> d.severity() == Severity.INVALID)
        .filter(
            d ->
                inputs
                    .get(d.input())
                    .filter(WorkspaceInput.class::isInstance)
                    .map(WorkspaceInput.class::cast)
                    .filter(
                        w ->
                            namespace.isPresent()
                                && WorkspaceResolver.selects(w, clusterLabels, namespace.get()))
                    .isPresent())
        .map(d -> "; " + d.input().ref() + " selects it but is rejected: " + d.message())
        .collect(Collectors.joining());
  }

  private static ObjectId namespaceId(ObjectId service) {
    return new ObjectId(service.cluster(), DiscoveredKinds.NAMESPACE, "", service.namespace());
  }
}
