package dev.meshfed.translation.translate;

import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.model.MeshInputs.Derivation;
import dev.meshfed.translation.model.VirtualDestinationInput;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Conflicts between VirtualDestinations: two that claim the same host, or whose objects bear the
 * same names (the same name and namespace, in the two dialects). The older one (creation time, then
 * identity) keeps them; the other is INVALID and federated nowhere, so the result never depends on
 * arrival order.
 */
final class VirtualDestinationClaims {

  private static final Comparator<VirtualDestinationInput> OLDEST_FIRST =
      Comparator.comparing(
              VirtualDestinationInput::creationTimestamp,
              Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(VirtualDestinationInput::id);

  /** Every VirtualDestination under each host it claims and the name its objects bear. */
  private static final Derivation<
          VirtualDestinationInput, Map<String, List<VirtualDestinationInput>>>
      BY_CLAIM =
          new Derivation<>(
              VirtualDestinationInput.class,
              "VirtualDestinations by what they claim",
              VirtualDestinationClaims::byClaim);

  /** The valid VirtualDestinations that no older valid one rivals: those federated. */
  private static final Derivation<VirtualDestinationInput, List<VirtualDestinationInput>>
      UNRIVALLED =
          new Derivation<>(
              VirtualDestinationInput.class,
              "valid VirtualDestinations without an older rival",
              all -> {
                List<VirtualDestinationInput> every = all.toList();
                Map<String, List<VirtualDestinationInput>> byClaim = byClaim(every.stream());
                return every.stream()
                    .filter(vd -> VirtualDestinationCheck.problems(vd).isEmpty())
                    .filter(vd -> olderRival(vd, byClaim).isEmpty())
                    .toList();
              });

  private VirtualDestinationClaims() {}

  /** The valid VirtualDestinations without an older valid rival, in id order. */
  static List<VirtualDestinationInput> unrivalled(MeshInputs inputs) {
    return inputs.derived(UNRIVALLED);
  }

  /** The oldest valid VirtualDestination older than {@code vd} that claims what it claims. */
  static Optional<VirtualDestinationInput> olderRival(
      VirtualDestinationInput vd, MeshInputs inputs) {
    return olderRival(vd, inputs.derived(BY_CLAIM));
  }

  private static Optional<VirtualDestinationInput> olderRival(
      VirtualDestinationInput vd, Map<String, List<VirtualDestinationInput>> byClaim) {
    return claimingTheSame(vd, byClaim)
        .filter(other -> OLDEST_FIRST.compare(other, vd) < 0)
        .filter(other -> collides(vd, other))
        .filter(other -> VirtualDestinationCheck.problems(other).isEmpty())
        .min(OLDEST_FIRST);
  }

  /** Whether any other VirtualDestination, older or newer, claims what it claims. */
  static boolean anyRival(VirtualDestinationInput vd, MeshInputs inputs) {
    return claimingTheSame(vd, inputs.derived(BY_CLAIM))
        .filter(other -> !other.id().equals(vd.id()))
        .anyMatch(other -> collides(vd, other));
  }

  /** The VirtualDestinations that claim a host or name {@code vd} claims, itself included. */
  private static Stream<VirtualDestinationInput> claimingTheSame(
      VirtualDestinationInput vd, Map<String, List<VirtualDestinationInput>> byClaim) {
    return claims(vd).flatMap(claim -> byClaim.getOrDefault(claim, List.of()).stream()).distinct();
  }

  private static Map<String, List<VirtualDestinationInput>> byClaim(
      Stream<VirtualDestinationInput> all) {
    Map<String, List<VirtualDestinationInput>> byClaim = new HashMap<>();
    all.forEach(
        vd ->
            claims(vd)
                .forEach(claim -> byClaim.computeIfAbsent(claim, c -> new ArrayList<>()).add(vd)));
    return byClaim;
  }

  private static Stream<String> claims(VirtualDestinationInput vd) {
    return Stream.concat(
        vd.hosts().stream().map(host -> "host:" + host),
        Stream.of("name:" + VirtualDestinationObjects.entryName(vd.id())));
  }

  static String conflict(VirtualDestinationInput vd, VirtualDestinationInput winner) {
    return "the older "
        + winner.id().ref()
        + (sameNames(vd, winner)
            ? " bears the same name in namespace " + vd.id().namespace()
            : " already claims host "
                + vd.hosts().stream().filter(winner.hosts()::contains).findFirst().orElseThrow())
        + "; this VirtualDestination is not federated until the conflict is resolved";
  }

  private static boolean collides(VirtualDestinationInput vd, VirtualDestinationInput other) {
    return sameNames(vd, other) || vd.hosts().stream().anyMatch(other.hosts()::contains);
  }

  private static boolean sameNames(VirtualDestinationInput vd, VirtualDestinationInput other) {
    return VirtualDestinationObjects.entryName(vd.id())
        .equals(VirtualDestinationObjects.entryName(other.id()));
  }
}
