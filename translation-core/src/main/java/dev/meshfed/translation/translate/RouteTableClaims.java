package dev.meshfed.translation.translate;

import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.model.MeshInputs.Derivation;
import dev.meshfed.translation.model.RouteTableInput;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Which RouteTable routes a host for a workspace's clients. An Istio sidecar takes one
 * VirtualService per host (the oldest), so meshfed lets one RouteTable of a workspace route each
 * host: the highest {@code weight}, then the oldest, then the first by identity. The others leave
 * the host out and are FAILED naming it.
 */
final class RouteTableClaims {

  static final Comparator<RouteTableInput> FIRST =
      Comparator.comparing((RouteTableInput rt) -> -Objects.requireNonNullElse(rt.weight(), 0))
          .thenComparing(
              RouteTableInput::creationTimestamp, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(RouteTableInput::id);

  /** The valid RouteTables under each host they route. */
  private static final Derivation<RouteTableInput, Map<String, List<RouteTableInput>>>
      VALID_BY_HOST =
          new Derivation<>(
              RouteTableInput.class,
              "valid RouteTables by host",
              all -> {
                Map<String, List<RouteTableInput>> byHost = new HashMap<>();
                all.filter(rt -> RouteTableCheck.problems(rt).isEmpty())
                    .forEach(
                        rt ->
                            rt.hosts()
                                .forEach(
                                    host ->
                                        byHost
                                            .computeIfAbsent(host, h -> new ArrayList<>())
                                            .add(rt)));
                return byHost;
              });

  private RouteTableClaims() {}

  /** The hosts of {@code rt} that a valid RouteTable of its workspace ordered first routes. */
  static SortedMap<String, RouteTableInput> lost(
      RouteTableInput rt, String workspace, MeshInputs inputs, Membership membership) {
    SortedMap<String, RouteTableInput> lost = new TreeMap<>();
    Map<String, List<RouteTableInput>> byHost = inputs.derived(VALID_BY_HOST);
    rt.hosts().stream()
        .flatMap(host -> byHost.getOrDefault(host, List.of()).stream())
        .distinct()
        .filter(other -> !other.id().equals(rt.id()))
        .filter(other -> FIRST.compare(other, rt) < 0)
        .filter(other -> DestinationPolicies.inWorkspace(other.id(), workspace, membership))
        .sorted(FIRST)
        .forEach(
            other ->
                other.hosts().stream()
                    .filter(rt.hosts()::contains)
                    .forEach(host -> lost.putIfAbsent(host, other)));
    return lost;
  }

  static String conflict(String host, RouteTableInput winner) {
    return "RouteTable "
        + winner.id().ref()
        + " already routes host "
        + host
        + " for this workspace (higher weight, or as heavy and older); this one leaves it out";
  }
}
