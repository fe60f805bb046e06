package dev.meshfed.translation.translate;

import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.model.VirtualDestinationInput;
import java.util.Comparator;
import java.util.Optional;

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

  private VirtualDestinationClaims() {}

  /** The oldest valid VirtualDestination older than {@code vd} that claims what it claims. */
  static Optional<VirtualDestinationInput> olderRival(
      VirtualDestinationInput vd, MeshInputs inputs) {
    return VirtualDestinationTranslator.all(inputs)
        .filter(other -> OLDEST_FIRST.compare(other, vd) < 0)
        .filter(other -> collides(vd, other))
        .filter(other -> VirtualDestinationCheck.problems(other).isEmpty())
        .min(OLDEST_FIRST);
  }

  /** Whether any other VirtualDestination, older or newer, claims what it claims. */
  static boolean anyRival(VirtualDestinationInput vd, MeshInputs inputs) {
    return VirtualDestinationTranslator.all(inputs)
        .filter(other -> !other.id().equals(vd.id()))
        .anyMatch(other -> collides(vd, other));
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
