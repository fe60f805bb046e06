package dev.meshfed.translation.translate;

import dev.meshfed.translation.model.DestinationSelector;
import dev.meshfed.translation.model.FailoverPolicyInput;
import dev.meshfed.translation.model.Input;
import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.model.OutlierDetectionPolicyInput;
import dev.meshfed.translation.model.RoutePolicyInput;
import dev.meshfed.translation.model.ServiceInput;
import dev.meshfed.translation.translate.Diagnostic.Severity;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.stream.Stream;

/**
 * The status of a destination policy: INVALID with the fields named; FAILED where an older policy
 * of its kind sets the same fields on a destination it selects (naming it, and where); warnings for
 * what it cannot do; and how many destinations it selects. What it sets is written by the
 * translations of the VirtualDestinations and Services it selects, from the same {@link
 * DestinationPolicies}.
 */
final class PolicyStatus {

  private final Input policy;
  private final List<DestinationSelector> destinations;
  private final MeshInputs inputs;
  private final Membership membership;
  private final InputReport report;

  private PolicyStatus(
      Input policy,
      List<DestinationSelector> destinations,
      MeshInputs inputs,
      Membership membership) {
    this.policy = policy;
    this.destinations = destinations;
    this.inputs = inputs;
    this.membership = membership;
    this.report = new InputReport(policy.id(), generation(policy));
  }

  static Translation of(ObjectId id, MeshInputs inputs, Membership membership) {
    Optional<Input> input = inputs.get(id);
    if (input.isPresent() && input.get() instanceof FailoverPolicyInput failover) {
      return new PolicyStatus(failover, failover.applyToDestinations(), inputs, membership)
          .run(PolicyCheck.problems(failover));
    }
    if (input.isPresent() && input.get() instanceof RoutePolicyInput routePolicy) {
      return RoutePolicyStatus.of(routePolicy, inputs, membership);
    }
    if (input.isPresent() && input.get() instanceof OutlierDetectionPolicyInput outlier) {
      return new PolicyStatus(outlier, outlier.applyToDestinations(), inputs, membership)
          .run(PolicyCheck.problems(outlier));
    }
    return Translation.EMPTY;
  }

  private Translation run(List<String> problems) {
    if (!problems.isEmpty()) {
      problems.forEach(problem -> report(Severity.INVALID, problem));
      return finish(0);
    }
    Optional<WorkspacePlan> workspace =
        membership.workspaceOf(policy.id().cluster(), policy.id().namespace());
    if (workspace.isEmpty()) {
      report(
          Severity.WARNING,
          "namespace "
              + policy.id().namespace()
              + " of cluster "
              + policy.id().cluster()
              + " belongs to no workspace, so the policy applies to nothing");
      return finish(0);
    }
    warnAboutKinds();
    warnAboutZones();
    String name = workspace.get().name();
    List<PolicyDestination> selected =
        Stream.concat(
                mayName(DestinationPolicies.VIRTUAL_DESTINATION)
                    ? VirtualDestinationTranslator.all(inputs).map(PolicyDestination::of)
                    : Stream.<PolicyDestination>empty(),
                mayName(RouteDestinations.SERVICE)
                    ? inputs.all(ServiceInput.class).map(PolicyDestination::of)
                    : Stream.<PolicyDestination>empty())
            .filter(destination -> selects(destination, name))
            .toList();
    if (selected.isEmpty()) {
      report(
          Severity.WARNING,
          "spec.applyToDestinations selects no Service or VirtualDestination of workspace " + name);
    }
    selected.forEach(destination -> contest(destination, name));
    if (!selected.isEmpty()) {
      warnAboutOldIstio(workspace.get());
    }
    return finish(selected.size());
  }

  /** Whether its selectors may select destinations of a kind: none written selects every kind. */
  private boolean mayName(String kind) {
    return destinations.isEmpty() || destinations.stream().anyMatch(d -> kind.equals(d.kind()));
  }

  private boolean selects(PolicyDestination destination, String workspace) {
    return DestinationPolicies.inWorkspace(destination.id(), workspace, membership)
        && DestinationPolicies.slots(destinations, destination, workspace).findAny().isPresent();
  }

  /** Where an older policy of its kind already sets the fields, and what failover lacks. */
  private void contest(PolicyDestination destination, String workspace) {
    SortedMap<Integer, DestinationPolicies.Contest> contests =
        DestinationPolicies.of(destination, workspace, inputs, membership);
    contests.forEach(
        (port, contest) -> {
          String where =
              destination.ref() + (port == DestinationPolicies.EVERY_PORT ? "" : " port " + port);
          List<? extends Input> rivals =
              policy instanceof FailoverPolicyInput ? contest.failovers() : contest.outliers();
          if (!rivals.contains(policy)) {
            return;
          }
          Input winner = rivals.get(0);
          if (!winner.equals(policy)) {
            // FAILED on its status, and an event
            report.conflict(
                "the older "
                    + winner.id().ref()
                    + " already sets "
                    + (policy instanceof FailoverPolicyInput ? "failover" : "outlier detection")
                    + " on "
                    + where
                    + "; this policy does not apply there");
          } else if (policy instanceof FailoverPolicyInput && contest.outlier().isEmpty()) {
            report(
                Severity.WARNING,
                "no OutlierDetectionPolicy applies to "
                    + where
                    + ", and Istio fails over only with outlier detection: Gloo Mesh's default ("
                    + PolicySettings.DEFAULT_CONSECUTIVE_ERRORS
                    + " consecutive 5xx, every "
                    + PolicySettings.DEFAULT_INTERVAL
                    + ", ejected for "
                    + PolicySettings.DEFAULT_BASE_EJECTION_TIME
                    + ", up to "
                    + PolicySettings.DEFAULT_MAX_EJECTION_PERCENT
                    + "%) is applied");
          }
        });
  }

  private void warnAboutKinds() {
    for (int i = 0; i < destinations.size(); i++) {
      String kind = destinations.get(i).kind();
      if (!DestinationPolicies.VIRTUAL_DESTINATION.equals(kind)
          && !RouteDestinations.SERVICE.equals(kind)) {
        report(
            Severity.WARNING,
            "spec.applyToDestinations["
                + i
                + "]: meshfed applies destination policies to Services and VirtualDestinations"
                + " only so far, so kind "
                + kind
                + " selects nothing");
      }
    }
  }

  private void warnAboutZones() {
    if (!(policy instanceof FailoverPolicyInput failover)) {
      return;
    }
    for (int i = 0; i < failover.localityMappings().size(); i++) {
      var mapping = failover.localityMappings().get(i);
      boolean zones =
          !mapping.weighted()
              && (mapping.from().zone() != null
                  || mapping.from().subZone() != null
                  || mapping.to().stream()
                      .anyMatch(to -> to.zone() != null || to.subZone() != null));
      if (zones) {
        report(
            Severity.WARNING,
            "spec.config.localityMappings["
                + i
                + "]: Istio fails over between regions only; its zones and subZones are not used");
      }
    }
  }

  /** Where the destinations' DestinationRules go to an Istio without failoverPriority. */
  private void warnAboutOldIstio(WorkspacePlan workspace) {
    if (!(policy instanceof FailoverPolicyInput failover) || failover.priorityLabels().isEmpty()) {
      return;
    }
    for (String cluster : workspace.namespacesByCluster().keySet()) {
      ClusterMesh.controlPlane(inputs, cluster)
          .filter(cp -> !LocalityLb.hasFailoverPriority(cp.version()))
          .ifPresent(
              cp ->
                  report(
                      Severity.WARNING,
                      "spec.config.priorityLabels: left out in cluster "
                          + cluster
                          + ", whose Istio "
                          + cp.version()
                          + " has no failoverPriority (Istio 1."
                          + LocalityLb.FAILOVER_PRIORITY_MINOR
                          + " and later)"));
    }
  }

  private void report(Severity severity, String message) {
    report.add(severity, message);
  }

  private Translation finish(int selected) {
    Translation.Builder out = Translation.builder();
    var counts = Manifests.objectNode();
    counts.put("selectedDestinations", selected);
    report.writeTo(out, counts);
    return out.build();
  }

  private static long generation(Input policy) {
    return policy instanceof FailoverPolicyInput f
        ? f.generation()
        : ((OutlierDetectionPolicyInput) policy).generation();
  }
}
