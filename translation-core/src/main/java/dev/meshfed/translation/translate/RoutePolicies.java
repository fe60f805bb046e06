package dev.meshfed.translation.translate;

import dev.meshfed.translation.model.FaultInjectionPolicyInput;
import dev.meshfed.translation.model.HeaderManipulationPolicyInput;
import dev.meshfed.translation.model.Input;
import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.model.MeshInputs.Derivation;
import dev.meshfed.translation.model.MirrorPolicyInput;
import dev.meshfed.translation.model.RetryTimeoutPolicyInput;
import dev.meshfed.translation.model.RoutePolicyInput;
import dev.meshfed.translation.model.RouteTableInput;
import dev.meshfed.translation.model.RouteTableInput.HttpRoute;
import dev.meshfed.translation.model.VirtualDestinationInput.ObjectSelector;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The route policies of one route, oldest first (creation time, then identity): the valid
 * RetryTimeout, FaultInjection, HeaderManipulation and Mirror policies of the route table's
 * workspace whose {@code applyToRoutes} select it (none written: every route of the workspace). The
 * first of each kind applies; the others conflict with it there. Policies never cross workspaces,
 * and apply to routes that forward requests only: a redirect or a direct response has no upstream
 * to retry or delay.
 */
final class RoutePolicies {

  static final Comparator<RoutePolicyInput> OLDEST_FIRST =
      Comparator.comparing(
              RoutePolicyInput::creationTimestamp, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(Input::id);

  /** The policies of each kind that select one route, oldest first. */
  record Contest(
      List<RetryTimeoutPolicyInput> retries,
      List<FaultInjectionPolicyInput> faults,
      List<HeaderManipulationPolicyInput> headers,
      List<MirrorPolicyInput> mirrors) {

    static final Contest NONE = new Contest(List.of(), List.of(), List.of(), List.of());

    Optional<RetryTimeoutPolicyInput> retryTimeout() {
      return retries.stream().findFirst();
    }

    Optional<FaultInjectionPolicyInput> fault() {
      return faults.stream().findFirst();
    }

    Optional<HeaderManipulationPolicyInput> headerManipulation() {
      return headers.stream().findFirst();
    }

    Optional<MirrorPolicyInput> mirror() {
      return mirrors.stream().findFirst();
    }

    /** The policy of each kind that applies. */
    List<RoutePolicyInput> winners() {
      return Stream.of(retryTimeout(), fault(), headerManipulation(), mirror())
          .flatMap(Optional::stream)
          .map(RoutePolicyInput.class::cast)
          .toList();
    }

    /** The policies of the kind of {@code policy}, oldest first. */
    List<? extends RoutePolicyInput> rivalsOf(RoutePolicyInput policy) {
      if (policy instanceof RetryTimeoutPolicyInput) {
        return retries;
      }
      if (policy instanceof FaultInjectionPolicyInput) {
        return faults;
      }
      return policy instanceof HeaderManipulationPolicyInput ? headers : mirrors;
    }
  }

  /** What a policy of its kind sets on a route, for the sentences that name it. */
  static String sets(RoutePolicyInput policy) {
    if (policy instanceof RetryTimeoutPolicyInput) {
      return "retries and timeout";
    }
    if (policy instanceof FaultInjectionPolicyInput) {
      return "faults";
    }
    return policy instanceof HeaderManipulationPolicyInput ? "header changes" : "mirroring";
  }

  private RoutePolicies() {}

  static Contest of(
      RouteTableInput rt,
      HttpRoute route,
      String workspace,
      MeshInputs inputs,
      Membership membership) {
    if (route.forwardTo() == null) {
      return Contest.NONE;
    }
    return new Contest(
        selecting(inputs, RETRY_TIMEOUTS, rt, route, workspace, membership),
        selecting(inputs, FAULT_INJECTIONS, rt, route, workspace, membership),
        selecting(inputs, HEADER_MANIPULATIONS, rt, route, workspace, membership),
        selecting(inputs, MIRRORS, rt, route, workspace, membership));
  }

  private static final Derivation<RetryTimeoutPolicyInput, SelectionIndex<RetryTimeoutPolicyInput>>
      RETRY_TIMEOUTS = validBySelection(RetryTimeoutPolicyInput.class);
  private static final Derivation<
          FaultInjectionPolicyInput, SelectionIndex<FaultInjectionPolicyInput>>
      FAULT_INJECTIONS = validBySelection(FaultInjectionPolicyInput.class);
  private static final Derivation<
          HeaderManipulationPolicyInput, SelectionIndex<HeaderManipulationPolicyInput>>
      HEADER_MANIPULATIONS = validBySelection(HeaderManipulationPolicyInput.class);
  private static final Derivation<MirrorPolicyInput, SelectionIndex<MirrorPolicyInput>> MIRRORS =
      validBySelection(MirrorPolicyInput.class);

  /** The valid policies of a kind, by the routes they may select. */
  private static <P extends RoutePolicyInput> Derivation<P, SelectionIndex<P>> validBySelection(
      Class<P> kind) {
    return new Derivation<>(
        kind,
        "valid route policies by selection",
        all ->
            SelectionIndex.of(
                all.filter(p -> RoutePolicyCheck.problems(p).isEmpty()),
                RoutePolicyInput::applyToRoutes));
  }

  /** Whether a policy's selectors pick a route of a route table in {@code workspace}. */
  static boolean selects(
      RoutePolicyInput policy, RouteTableInput rt, HttpRoute route, String workspace) {
    return route.forwardTo() != null
        && (policy.applyToRoutes().isEmpty()
            || policy.applyToRoutes().stream().anyMatch(s -> selects(s, rt, route, workspace)));
  }

  private static boolean selects(
      ObjectSelector selector, RouteTableInput rt, HttpRoute route, String workspace) {
    return Selectors.matchesIfSet(selector.name(), route.name())
        && Selectors.matchesIfSet(selector.namespace(), rt.id().namespace())
        && Selectors.matchesIfSet(selector.cluster(), rt.id().cluster())
        && Selectors.matchesIfSet(selector.workspace(), workspace)
        && Selectors.containsAll(route.labels(), selector.labels());
  }

  private static <P extends RoutePolicyInput> List<P> selecting(
      MeshInputs inputs,
      Derivation<P, SelectionIndex<P>> kind,
      RouteTableInput rt,
      HttpRoute route,
      String workspace,
      Membership membership) {
    return inputs
        .derived(kind)
        .candidates(route.name(), route.labels())
        .filter(p -> DestinationPolicies.inWorkspace(p.id(), workspace, membership))
        .filter(p -> selects(p, rt, route, workspace))
        .sorted(OLDEST_FIRST)
        .toList();
  }
}
