package dev.meshfed.translation.translate;

import dev.meshfed.translation.model.EastWestGatewayInput;
import dev.meshfed.translation.model.ObjectId;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which passthroughs get a Gateway object of their own: at most one per gateway pods, port and host
 * suffix, since two there would conflict (istioctl IST0145).
 */
final class GatewayListeners {

  private GatewayListeners() {}

  /**
   * Whether the Gateway of {@code standing} serves the listener {@code other} needs: same host
   * suffix and port, and a selector that selects {@code other}'s pods too (its labels are a subset
   * of the selector of {@code other}'s gateway Service).
   */
  static boolean covers(Passthrough standing, Passthrough other) {
    EastWestGatewayInput a = standing.gateway();
    EastWestGatewayInput b = other.gateway();
    return standing.suffix().equals(other.suffix())
        && java.util.Objects.equals(a.tlsPort(), b.tlsPort())
        && b.selector().entrySet().containsAll(a.selector().entrySet());
  }

  /**
   * At most one Gateway on any gateway pod for a host suffix and port. A Gateway's selector matches
   * pods in every namespace, so where one east-west gateway's selector is a subset of another's,
   * its Gateway selects the other's pods too, and a second Gateway there with the same port and
   * hosts would conflict (istioctl IST0145): the passthrough with the fewest selector labels (the
   * usual gateway's first among equals) stands for those it covers, and takes their reasons.
   */
  static SortedMap<Passthrough, SortedSet<ObjectId>> merged(
      SortedMap<Passthrough, SortedSet<ObjectId>> passthroughs,
      Optional<EastWestGatewayInput> usual) {
    SortedMap<Passthrough, SortedSet<ObjectId>> merged = new TreeMap<>();
    passthroughs.entrySet().stream()
        .sorted(
            java.util.Comparator.comparing(
                    (Map.Entry<Passthrough, SortedSet<ObjectId>> e) ->
                        e.getKey().gateway().selector().size())
                .thenComparing(e -> !isUsual(e.getKey(), usual))
                .thenComparing(Map.Entry::getKey))
        .forEach(
            entry -> {
              Optional<Passthrough> standing =
                  merged.keySet().stream().filter(p -> covers(p, entry.getKey())).findFirst();
              SortedSet<ObjectId> why =
                  merged.computeIfAbsent(standing.orElse(entry.getKey()), p -> new TreeSet<>());
              why.addAll(entry.getValue());
              standing.ifPresent(p -> why.add(entry.getKey().gateway().id()));
            });
    return merged;
  }

  static boolean isUsual(Passthrough passthrough, Optional<EastWestGatewayInput> usual) {
    return usual.map(g -> g.id().equals(passthrough.gateway().id())).orElse(false);
  }
}
