package dev.meshfed.translation.translate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.model.MeshInputs.Derivation;
import dev.meshfed.translation.model.MirrorPolicyInput;
import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.model.RouteTableInput;
import dev.meshfed.translation.model.RouteTableInput.RouteDestination;
import dev.meshfed.translation.model.ServiceInput;
import dev.meshfed.translation.model.VirtualDestinationInput;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The subsets that routes send requests to: a label set of a destination's endpoints, named in the
 * destination's DestinationRule. A VirtualDestination defines the subsets that the valid
 * RouteTables of its workspace ask of it, a Service those that the workspaces that may route to it
 * ask, so a route's subset exists wherever the route does.
 */
final class RouteSubsets {

  private static final int MAX_NAME = 63;
  private static final Pattern NOT_IN_A_LABEL = Pattern.compile("[^a-z0-9-]");
  private static final Pattern TRAILING_DASHES = Pattern.compile("-+$");

  private RouteSubsets() {}

  /**
   * The subset's name: its labels as {@code key-value}, sorted, joined by dashes; where a key or
   * value needs characters a DNS label cannot have, a hash of the labels keeps names apart.
   */
  static String name(Map<String, String> labels) {
    StringBuilder raw = new StringBuilder();
    new TreeMap<>(labels)
        .forEach(
            (key, value) -> {
              if (!raw.isEmpty()) {
                raw.append('-');
              }
              raw.append(key).append('-').append(value);
            });
    String clean = NOT_IN_A_LABEL.matcher(raw.toString().toLowerCase()).replaceAll("-");
    if (clean.equals(raw.toString()) && clean.length() <= MAX_NAME) {
      return clean;
    }
    String hash = Manifests.sha256(new TreeMap<>(labels).toString()).substring(0, 10);
    String prefix = clean.substring(0, Math.min(clean.length(), MAX_NAME - hash.length() - 1));
    return TRAILING_DASHES.matcher(prefix).replaceAll("") + "-" + hash;
  }

  /**
   * The subsets the valid RouteTables and MirrorPolicies of its workspace ask of a
   * VirtualDestination, by name.
   */
  static SortedMap<String, Map<String, String>> requested(
      VirtualDestinationInput vd, String workspace, MeshInputs inputs, Membership membership) {
    SortedMap<String, Map<String, String>> subsets = new TreeMap<>();
    asking(vd, workspace, inputs, membership)
        .forEach(ask -> subsets.put(name(ask.destination().subset()), ask.destination().subset()));
    return subsets;
  }

  /** The RouteTables and MirrorPolicies asking for subsets of a VirtualDestination. */
  static Stream<ObjectId> askedBy(
      VirtualDestinationInput vd, String workspace, MeshInputs inputs, Membership membership) {
    return asking(vd, workspace, inputs, membership).map(Ask::namer).distinct();
  }

  /** A subset destination, and the input that names it. */
  private record Ask(ObjectId namer, RouteDestination destination) {}

  /** The subset destinations of the valid route tables, by the name of the destination. */
  private static final Derivation<RouteTableInput, Map<String, List<Ask>>> ROUTED =
      new Derivation<>(
          RouteTableInput.class,
          "subsets asked of destinations, by their name",
          all ->
              byDestinationName(
                  all.filter(rt -> RouteTableCheck.problems(rt).isEmpty())
                      .flatMap(rt -> destinations(rt).map(d -> new Ask(rt.id(), d)))));

  /** The subset destinations of the valid MirrorPolicies, by the name of the destination. */
  private static final Derivation<MirrorPolicyInput, Map<String, List<Ask>>> MIRRORED =
      new Derivation<>(
          MirrorPolicyInput.class,
          "subsets asked of destinations, by their name",
          all ->
              byDestinationName(
                  all.filter(p -> p.destination() != null)
                      .filter(p -> RoutePolicyCheck.problems(p).isEmpty())
                      .map(p -> new Ask(p.id(), p.destination()))));

  private static Map<String, List<Ask>> byDestinationName(Stream<Ask> asks) {
    return asks.filter(ask -> !ask.destination().subset().isEmpty())
        .filter(ask -> ask.destination().ref() != null)
        .collect(Collectors.groupingBy(ask -> ask.destination().ref().name()));
  }

  private static Stream<Ask> asking(
      VirtualDestinationInput vd, String workspace, MeshInputs inputs, Membership membership) {
    return named(vd.id().name(), inputs)
        .filter(ask -> RouteDestinations.refersTo(ask.destination(), ask.namer(), vd))
        .filter(ask -> DestinationPolicies.inWorkspace(ask.namer(), workspace, membership));
  }

  private static Stream<Ask> named(String name, MeshInputs inputs) {
    return Stream.of(ROUTED, MIRRORED)
        .flatMap(asks -> inputs.derived(asks).getOrDefault(name, List.of()).stream());
  }

  /**
   * The subsets the valid RouteTables and MirrorPolicies of the given workspaces (a Service's own
   * and those importing it) ask of a Service, by name.
   */
  static SortedMap<String, Map<String, String>> requested(
      ServiceInput service, Set<String> workspaces, MeshInputs inputs, Membership membership) {
    SortedMap<String, Map<String, String>> subsets = new TreeMap<>();
    asking(service, workspaces, inputs, membership)
        .forEach(ask -> subsets.put(name(ask.destination().subset()), ask.destination().subset()));
    return subsets;
  }

  /** The RouteTables and MirrorPolicies of the given workspaces asking for subsets of a Service. */
  static Stream<ObjectId> askedBy(
      ServiceInput service, Set<String> workspaces, MeshInputs inputs, Membership membership) {
    return asking(service, workspaces, inputs, membership).map(Ask::namer).distinct();
  }

  /** Whether any valid RouteTable or MirrorPolicy asks for subsets of a destination so named. */
  static boolean anyAsked(String name, MeshInputs inputs) {
    return named(name, inputs).findAny().isPresent();
  }

  private static Stream<Ask> asking(
      ServiceInput service, Set<String> workspaces, MeshInputs inputs, Membership membership) {
    ObjectId id = service.id();
    return named(id.name(), inputs)
        .filter(ask -> RouteDestinations.refersTo(ask.destination(), ask.namer(), id))
        .filter(ask -> Selectors.matchesIfSet(ask.destination().ref().cluster(), id.cluster()))
        .filter(
            ask ->
                membership
                    .workspaceOf(ask.namer().cluster(), ask.namer().namespace())
                    .filter(w -> workspaces.contains(w.name()))
                    .isPresent());
  }

  /** The subsets of {@code subsets} that some pod behind a backing service has the labels of. */
  static SortedMap<String, Map<String, String>> served(
      ServiceInput service, SortedMap<String, Map<String, String>> subsets, MeshInputs inputs) {
    SortedMap<String, Map<String, String>> served = new TreeMap<>();
    subsets.forEach(
        (name, labels) -> {
          boolean any =
              SelectedWorkloads.of(inputs, service).stream()
                  .anyMatch(w -> Selectors.containsAll(w.podLabels(), labels));
          if (any) {
            served.put(name, labels);
          }
        });
    return served;
  }

  /** Defines {@code subsets} (by name) in a DestinationRule's spec, if there are any. */
  static void define(ObjectNode spec, SortedMap<String, Map<String, String>> subsets) {
    if (subsets.isEmpty()) {
      return;
    }
    ArrayNode list = spec.putArray("subsets");
    subsets.forEach(
        (name, labels) -> {
          ObjectNode subset = list.addObject();
          subset.put("name", name);
          subset.set("labels", Manifests.stringMap(labels));
        });
  }

  /** Every destination of a route table: its routes' and its default. */
  static Stream<RouteDestination> destinations(RouteTableInput rt) {
    Stream<RouteDestination> routed =
        rt.http().stream()
            .filter(route -> route.forwardTo() != null)
            .flatMap(route -> route.forwardTo().destinations().stream());
    return rt.defaultDestination() == null
        ? routed
        : Stream.concat(routed, Stream.of(rt.defaultDestination()));
  }
}
