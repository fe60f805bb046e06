package dev.meshfed.translation.translate;

import static dev.meshfed.translation.translate.DesiredRef.inCluster;

import dev.meshfed.translation.model.AccessPolicyInput;
import dev.meshfed.translation.model.AccessPolicyInput.Rule;
import dev.meshfed.translation.model.ControlPlaneInput;
import dev.meshfed.translation.model.MeshConfigInput;
import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.model.ServiceInput;
import dev.meshfed.translation.model.VirtualDestinationInput.ObjectSelector;
import dev.meshfed.translation.translate.Diagnostic.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The decisions that place one AccessPolicy's objects, in order: is it valid; is it in a workspace;
 * which workloads it guards ({@link AccessPolicyTargets}); and, per workload, who its rules admit
 * (each allowed service account in each cluster's trust domain) and whether an older AccessPolicy
 * sets the workload's mTLS mode already.
 */
final class AccessPolicyTranslation {

  private static final Predicate<DesiredRef> ITS_KINDS =
      ref -> AccessPolicyTranslator.KINDS.contains(ref.kind());

  private final AccessPolicyInput policy;
  private final MeshInputs inputs;
  private final Membership membership;
  private final Translation.Builder out = Translation.builder();
  private final InputReport report;

  AccessPolicyTranslation(AccessPolicyInput policy, MeshInputs inputs, Membership membership) {
    this.policy = policy;
    this.inputs = inputs;
    this.membership = membership;
    this.report = new InputReport(policy.id(), policy.generation());
  }

  Translation run() {
    List<String> invalid = AccessPolicyCheck.problems(policy);
    if (!invalid.isEmpty()) {
      invalid.forEach(problem -> report(Severity.INVALID, problem));
      out.stop(
          ITS_KINDS,
          () ->
              new Exclusion(
                  Exclusion.Rule.INVALID_INPUT, policy.id(), "it is invalid: " + invalid));
      return finish(0);
    }
    Optional<WorkspacePlan> workspace =
        membership.workspaceOf(policy.id().cluster(), policy.id().namespace());
    if (workspace.isEmpty()) {
      String why =
          "namespace "
              + policy.id().namespace()
              + " of cluster "
              + policy.id().cluster()
              + " belongs to no workspace, so the policy applies to nothing";
      report(Severity.WARNING, why);
      out.stop(ITS_KINDS, () -> new Exclusion(Exclusion.Rule.NOT_IN_WORKSPACE, policy.id(), why));
      return finish(0);
    }
    warnAboutKinds();
    AccessPolicyTargets targets =
        AccessPolicyTargets.of(policy, workspace.get(), inputs, membership);
    targets.warnings().forEach(w -> report(Severity.WARNING, w));
    if (targets.targets().isEmpty()) {
      report(
          Severity.WARNING,
          "spec.applyToDestinations selects no Service or VirtualDestination of workspace "
              + workspace.get().name());
    }
    targets.targets().forEach((service, ports) -> guard(service, ports, workspace.get(), targets));
    out.stop(
        ITS_KINDS,
        () ->
            new Exclusion(
                Exclusion.Rule.NOT_SELECTED,
                policy.id(),
                "it guards only the workloads of the destinations it selects"));
    return finish(targets.targets().size());
  }

  private void guard(
      ServiceInput service,
      SortedSet<Integer> ports,
      WorkspacePlan workspace,
      AccessPolicyTargets targets) {
    String cluster = service.id().cluster();
    Optional<ControlPlaneInput> controlPlane = ClusterMesh.controlPlane(inputs, cluster);
    if (controlPlane.isEmpty()) {
      out.stop(
          ITS_KINDS.and(inCluster(cluster)),
          () -> ClusterMesh.noControlPlane(cluster, policy.id()));
      return;
    }
    if (service.selector().isEmpty()) {
      report(
          Severity.WARNING,
          service.id().ref()
              + " has no selector: a policy without one would cover its whole namespace, so it"
              + " is not guarded");
      return;
    }
    List<ObjectId> sources =
        new ArrayList<>(List.of(policy.id(), service.id(), controlPlane.get().id()));
    sources.add(workspace.workspace().id());
    AccessPolicyObjects objects =
        new AccessPolicyObjects(policy, workspace, service, controlPlane.get(), sources);
    List<AccessPolicyObjects.AllowRule> rules = allowRules(cluster, ports);
    if (!policy.rules().isEmpty()) {
      warnIfIsolated(service);
      out.output(objects.authorizationPolicy(rules));
    }
    if (policy.tlsMode() != null) {
      Optional<AccessPolicyInput> older =
          AccessPolicyModes.olderSetting(policy, service, workspace, inputs, membership);
      if (older.isPresent()) {
        report.conflict(
            "the older "
                + older.get().id().ref()
                + " already sets the mTLS mode of "
                + service.id().ref()
                + "; this policy's tlsMode does not apply there");
      } else {
        out.output(objects.peerAuthentication());
      }
    }
  }

  /**
   * Each rule as Istio admits it in {@code cluster}: its clients as principals in their clusters'
   * trust domains. A rule whose clients none can be named is left out (without principals it would
   * admit anyone).
   */
  private List<AccessPolicyObjects.AllowRule> allowRules(String cluster, SortedSet<Integer> ports) {
    List<AccessPolicyObjects.AllowRule> rules = new ArrayList<>();
    List<String> local = ServiceIsolation.localTrustDomains(cluster, inputs);
    for (Rule rule : policy.rules()) {
      SortedSet<String> principals = new TreeSet<>();
      for (ObjectSelector client : rule.allowedClients()) {
        for (String from : clientClusters(client)) {
          String trustDomain = ClusterMesh.trustDomain(inputs, from);
          if (trustDomain.equals(MeshConfigInput.DEFAULT_TRUST_DOMAIN)
              && !local.contains(trustDomain)) {
            report(
                Severity.WARNING,
                "cluster "
                    + from
                    + " issues identities in Istio's default trust domain cluster.local, which a"
                    + " policy in cluster "
                    + cluster
                    + " cannot name; its service accounts are not admitted there");
            continue;
          }
          principals.add(
              trustDomain
                  + "/ns/"
                  + client.namespace()
                  + "/sa/"
                  + (client.name() == null ? "*" : client.name()));
        }
      }
      if (!rule.allowedClients().isEmpty() && principals.isEmpty()) {
        continue;
      }
      rules.add(
          new AccessPolicyObjects.AllowRule(
              principals, rule.allowedPaths(), rule.allowedMethods(), ports));
    }
    return rules;
  }

  /** A client's cluster, or every cluster running Istio where none is named. */
  private List<String> clientClusters(ObjectSelector client) {
    if (client.cluster() != null) {
      return List.of(client.cluster());
    }
    return inputs.clusters().stream()
        .filter(c -> ClusterMesh.controlPlane(inputs, c).isPresent())
        .toList();
  }

  private void warnIfIsolated(ServiceInput service) {
    Decision<ServiceFederation.Federated> federated =
        ServiceFederation.federation(service, inputs, membership);
    if (federated.isAllowed() && federated.allowed().plan().settings().isolates()) {
      report(
          Severity.WARNING,
          "options.serviceIsolation admits every identity of the workspace to "
              + service.id().ref()
              + " too, and Istio admits what any ALLOW policy admits: there this policy"
              + " restricts nothing");
    }
  }

  private void warnAboutKinds() {
    for (int i = 0; i < policy.applyToDestinations().size(); i++) {
      String kind = policy.applyToDestinations().get(i).kind();
      if ("EXTERNAL_SERVICE".equals(kind)) {
        report(
            Severity.WARNING,
            "spec.applyToDestinations["
                + i
                + "]: meshfed does not federate ExternalServices yet, so kind EXTERNAL_SERVICE"
                + " selects nothing");
      }
    }
  }

  private void report(Severity severity, String message) {
    report.add(severity, message);
  }

  private Translation finish(int selected) {
    var counts = Manifests.objectNode();
    counts.put("selectedDestinations", selected);
    report.writeTo(out, counts);
    return out.build();
  }
}
