package dev.meshfed.translation.translate;

import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.model.MeshInputs.Derivation;
import dev.meshfed.translation.model.RoutePolicyInput;
import dev.meshfed.translation.model.RouteTableInput;
import dev.meshfed.translation.translate.Diagnostic.Severity;
import java.util.List;
import java.util.Optional;

/**
 * The status of a route policy: INVALID with the fields named; FAILED where an older policy of its
 * kind already applies to a route it selects (naming it and the route); and how many routes it
 * selects. What it sets is written by the RouteTables' translation, from the same {@link
 * RoutePolicies}.
 */
final class RoutePolicyStatus {

  private final RoutePolicyInput policy;
  private final MeshInputs inputs;
  private final Membership membership;
  private final InputReport report;

  private RoutePolicyStatus(RoutePolicyInput policy, MeshInputs inputs, Membership membership) {
    this.policy = policy;
    this.inputs = inputs;
    this.membership = membership;
    this.report = new InputReport(policy.id(), policy.generation());
  }

  static Translation of(RoutePolicyInput policy, MeshInputs inputs, Membership membership) {
    return new RoutePolicyStatus(policy, inputs, membership).run();
  }

  private Translation run() {
    List<String> problems = RoutePolicyCheck.problems(policy);
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
    String name = workspace.get().name();
    int selected = 0;
    for (RouteTableInput rt : routeTablesOf(name)) {
      for (RouteTableRoutes.Named named : RouteTableRoutes.of(rt)) {
        if (RoutePolicies.selects(policy, rt, named.route(), name)) {
          selected++;
          contest(rt, named, name);
        }
      }
    }
    if (selected == 0) {
      report(
          Severity.WARNING,
          "spec.applyToRoutes selects no route that forwards requests in workspace " + name);
    }
    return finish(selected);
  }

  private static final Derivation<RouteTableInput, List<RouteTableInput>> VALID_ROUTE_TABLES =
      new Derivation<>(
          RouteTableInput.class,
          "valid RouteTables",
          all -> all.filter(rt -> RouteTableCheck.problems(rt).isEmpty()).toList());

  private List<RouteTableInput> routeTablesOf(String workspace) {
    return inputs.derived(VALID_ROUTE_TABLES).stream()
        .filter(rt -> DestinationPolicies.inWorkspace(rt.id(), workspace, membership))
        .toList();
  }

  private void contest(RouteTableInput rt, RouteTableRoutes.Named named, String workspace) {
    RoutePolicies.Contest contest =
        RoutePolicies.of(rt, named.route(), workspace, inputs, membership);
    RoutePolicyInput winner = contest.rivalsOf(policy).get(0);
    if (!winner.equals(policy)) {
      report.conflict(
          "the older "
              + winner.id().ref()
              + " already sets "
              + RoutePolicies.sets(policy)
              + " on route "
              + named.name()
              + " of RouteTable "
              + rt.id().ref()
              + "; this policy does not apply there");
    }
  }

  private void report(Severity severity, String message) {
    report.add(severity, message);
  }

  private Translation finish(int selected) {
    Translation.Builder out = Translation.builder();
    var counts = Manifests.objectNode();
    counts.put("selectedRoutes", selected);
    report.writeTo(out, counts);
    return out.build();
  }
}
