package dev.meshfed.translation.translate;

import dev.meshfed.translation.model.DestinationSelector;
import dev.meshfed.translation.model.FailoverPolicyInput;
import dev.meshfed.translation.model.Input;
import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.model.MeshInputs.Derivation;
import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.model.OutlierDetectionPolicyInput;
import dev.meshfed.translation.model.VirtualDestinationInput.ObjectSelector;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The destination policies of one VirtualDestination or Service, per port ({@link #EVERY_PORT} for
 * those that name none): the valid FailoverPolicies and OutlierDetectionPolicies of its own
 * workspace whose {@code applyToDestinations} select it (none written: every one), oldest first
 * (creation time, then identity). The first of each kind sets its fields there; the others conflict
 * with it. Policies never cross workspaces.
 */
final class DestinationPolicies {

  static final int EVERY_PORT = 0;
  static final String VIRTUAL_DESTINATION = "VIRTUAL_DESTINATION";

  private static final Comparator<Input> OLDEST_FIRST =
      Comparator.comparing(
              DestinationPolicies::created, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(Input::id);

  /** The policies of each kind that select one port of the destination, oldest first. */
  record Contest(List<FailoverPolicyInput> failovers, List<OutlierDetectionPolicyInput> outliers) {

    Optional<FailoverPolicyInput> failover() {
      return failovers.stream().findFirst();
    }

    Optional<OutlierDetectionPolicyInput> outlier() {
      return outliers.stream().findFirst();
    }
  }

  private DestinationPolicies() {}

  /** The policies that set something on a destination: the oldest of each kind, per port. */
  static SortedSet<ObjectId> applied(SortedMap<Integer, Contest> contests) {
    SortedSet<ObjectId> applied = new java.util.TreeSet<>();
    contests
        .values()
        .forEach(
            contest -> {
              contest.failover().ifPresent(p -> applied.add(p.id()));
              contest.outlier().ifPresent(p -> applied.add(p.id()));
            });
    return applied;
  }

  private static final Derivation<
          FailoverPolicyInput, Map<String, SelectionIndex<FailoverPolicyInput>>>
      FAILOVERS =
          new Derivation<>(
              FailoverPolicyInput.class,
              "valid policies by the destinations they may select, per kind",
              all ->
                  indexByKind(
                      all.filter(p -> PolicyCheck.problems(p).isEmpty()).toList(),
                      FailoverPolicyInput::applyToDestinations));
  private static final Derivation<
          OutlierDetectionPolicyInput, Map<String, SelectionIndex<OutlierDetectionPolicyInput>>>
      OUTLIER_DETECTIONS =
          new Derivation<>(
              OutlierDetectionPolicyInput.class,
              "valid policies by the destinations they may select, per kind",
              all ->
                  indexByKind(
                      all.filter(p -> PolicyCheck.problems(p).isEmpty()).toList(),
                      OutlierDetectionPolicyInput::applyToDestinations));

  private static <P> Map<String, SelectionIndex<P>> indexByKind(
      List<P> policies, Function<P, List<DestinationSelector>> destinations) {
    return Map.of(
        VIRTUAL_DESTINATION,
        index(policies.stream(), destinations, VIRTUAL_DESTINATION),
        RouteDestinations.SERVICE,
        index(policies.stream(), destinations, RouteDestinations.SERVICE));
  }

  /**
   * Policies by the destinations of a kind their selectors may select: none written selects all,
   * and a policy whose selectors all name other kinds selects none.
   */
  static <P> SelectionIndex<P> index(
      Stream<P> policies, Function<P, List<DestinationSelector>> destinations, String kind) {
    return SelectionIndex.of(
        policies.filter(
            p ->
                destinations.apply(p).isEmpty()
                    || destinations.apply(p).stream().anyMatch(d -> kind.equals(d.kind()))),
        p ->
            destinations.apply(p).stream()
                .filter(d -> kind.equals(d.kind()))
                .map(DestinationSelector::selector)
                .toList());
  }

  static SortedMap<Integer, Contest> of(
      PolicyDestination destination, String workspace, MeshInputs inputs, Membership membership) {
    SortedMap<Integer, List<FailoverPolicyInput>> failovers =
        bySlot(
            candidates(inputs.derived(FAILOVERS), destination),
            FailoverPolicyInput::applyToDestinations,
            destination,
            workspace,
            membership);
    SortedMap<Integer, List<OutlierDetectionPolicyInput>> outliers =
        bySlot(
            candidates(inputs.derived(OUTLIER_DETECTIONS), destination),
            OutlierDetectionPolicyInput::applyToDestinations,
            destination,
            workspace,
            membership);
    SortedMap<Integer, Contest> contests = new TreeMap<>();
    Stream.concat(failovers.keySet().stream(), outliers.keySet().stream())
        .distinct()
        .forEach(
            slot ->
                contests.put(
                    slot,
                    new Contest(
                        failovers.getOrDefault(slot, List.of()),
                        outliers.getOrDefault(slot, List.of()))));
    return contests;
  }

  /**
   * The valid FailoverPolicies and OutlierDetectionPolicies, of any workspace, that may select the
   * destination: whose statuses count it.
   */
  static Stream<ObjectId> maySelect(PolicyDestination destination, MeshInputs inputs) {
    return Stream.concat(
        candidates(inputs.derived(FAILOVERS), destination).map(Input::id),
        candidates(inputs.derived(OUTLIER_DETECTIONS), destination).map(Input::id));
  }

  private static <P> Stream<P> candidates(
      Map<String, SelectionIndex<P>> byKind, PolicyDestination destination) {
    SelectionIndex<P> index = byKind.get(destination.kind());
    return index == null
        ? Stream.empty()
        : index.candidates(destination.id().name(), destination.labels());
  }

  /** Whether a policy at {@code policy} belongs to the destination's workspace. */
  static boolean inWorkspace(ObjectId policy, String workspace, Membership membership) {
    return membership
        .workspaceOf(policy.cluster(), policy.namespace())
        .map(w -> w.name().equals(workspace))
        .orElse(false);
  }

  /**
   * The port a selector selects the destination on: {@link #EVERY_PORT}, a port number of the
   * destination, or empty when it does not select it.
   */
  static Optional<Integer> slot(
      DestinationSelector selector, PolicyDestination destination, String workspace) {
    if (!destination.kind().equals(selector.kind())
        || !selects(selector.selector(), destination, workspace)) {
      return Optional.empty();
    }
    if (selector.portNumber() == null && selector.portName() == null) {
      return Optional.of(EVERY_PORT);
    }
    return destination.ports().stream()
        .filter(p -> selector.portNumber() == null || selector.portNumber() == p.number())
        .filter(p -> selector.portName() == null || selector.portName().equals(p.name()))
        .map(PolicyDestination.NamedPort::number)
        .findFirst();
  }

  /**
   * The ports its selectors select the destination on; none written selects every destination of
   * the workspace, on every port, as in Gloo Mesh.
   */
  static Stream<Integer> slots(
      List<DestinationSelector> destinations, PolicyDestination destination, String workspace) {
    if (destinations.isEmpty()) {
      return Stream.of(EVERY_PORT);
    }
    return destinations.stream()
        .map(d -> slot(d, destination, workspace))
        .flatMap(Optional::stream)
        .distinct();
  }

  private static boolean selects(
      ObjectSelector selector, PolicyDestination destination, String workspace) {
    if (selector == null) {
      return true;
    }
    ObjectId id = destination.id();
    return Selectors.matchesIfSet(selector.name(), id.name())
        && Selectors.matchesIfSet(selector.namespace(), id.namespace())
        && Selectors.matchesIfSet(selector.cluster(), id.cluster())
        && Selectors.matchesIfSet(selector.workspace(), workspace)
        && Selectors.containsAll(destination.labels(), selector.labels());
  }

  private static <P extends Input> SortedMap<Integer, List<P>> bySlot(
      Stream<P> policies,
      Function<P, List<DestinationSelector>> destinations,
      PolicyDestination destination,
      String workspace,
      Membership membership) {
    SortedMap<Integer, List<P>> bySlot = new TreeMap<>();
    policies
        .filter(p -> inWorkspace(p.id(), workspace, membership))
        .sorted(OLDEST_FIRST)
        .forEach(
            policy ->
                slots(destinations.apply(policy), destination, workspace)
                    .forEach(
                        slot -> bySlot.computeIfAbsent(slot, s -> new ArrayList<>()).add(policy)));
    return bySlot;
  }

  private static String created(Input input) {
    if (input instanceof FailoverPolicyInput f) {
      return f.creationTimestamp();
    }
    return input instanceof OutlierDetectionPolicyInput o ? o.creationTimestamp() : null;
  }
}
