package dev.meshfed.translation.translate;

import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.model.MeshInputs.PerInput;
import dev.meshfed.translation.model.ServiceInput;
import dev.meshfed.translation.translate.Exclusion.Rule;
import dev.meshfed.translation.translate.ServiceFederation.Federated;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Conflicts between federated services: two whose entries would bear the same host, or the same
 * object name (hosts name their objects with dots as dashes, so {@code a-b.c} and {@code a.b-c}
 * collide), in a cluster both reach. The older Service (creation time, then identity) keeps them;
 * the other is invalid and federated nowhere, so the result never depends on arrival order.
 */
final class HostClaims {

  private static final Comparator<ServiceInput> OLDEST_FIRST =
      Comparator.comparing(
              ServiceInput::creationTimestamp, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(ServiceInput::id);

  private HostClaims() {}

  /** The older federated service that claims the objects this one would write, if one does. */
  static Optional<Exclusion> conflict(
      ServiceInput service, Federated federated, MeshInputs inputs, Membership membership) {
    List<String> prefixes = prefixes(service, federated, inputs, membership);
    if (prefixes.stream()
        .noneMatch(prefix -> inputs.anyServiceWithHostPrefix(prefix, service.id()))) {
      // nearly always, and asked of every service on every count: no other service to look at
      return Optional.empty();
    }
    String host = ServiceFederation.host(service, federated.plan().hostSuffix());
    List<Claim> rivals =
        claimsNaming(host, service, inputs, membership)
            .filter(rival -> OLDEST_FIRST.compare(rival.service(), service) < 0)
            .toList();
    if (rivals.isEmpty()) {
      return Optional.empty();
    }
    Claim claim = Claim.of(service, federated, membership);
    return rivals.stream()
        .sorted((a, b) -> OLDEST_FIRST.compare(a.service(), b.service()))
        .filter(rival -> !sharedTargets(claim, rival).isEmpty())
        .findFirst()
        .map(winner -> exclusion(claim, winner));
  }

  /**
   * Every service that its workspace federates under a host naming the same objects as {@code
   * host}: found by the prefixes that the host suffixes in use leave of it.
   */
  static Stream<ServiceInput> servicesNaming(
      String host, MeshInputs inputs, Membership membership) {
    return claimsNaming(host, null, inputs, membership).map(Claim::service);
  }

  /** The claims on the objects of {@code host}, but {@code except}'s (null: none excepted). */
  private static Stream<Claim> claimsNaming(
      String host, ServiceInput except, MeshInputs inputs, Membership membership) {
    String name = Manifests.objectName(host);
    return prefixesNaming(host, membership).stream()
        .flatMap(inputs::servicesWithHostPrefix)
        .filter(candidate -> except == null || !candidate.id().equals(except.id()))
        .flatMap(candidate -> claimOf(candidate, name, inputs, membership).stream());
  }

  /**
   * The host prefixes under which the services are that could claim the objects of a federated
   * service: its rivals are among them, and it is among theirs.
   */
  static List<String> prefixes(
      ServiceInput service, Federated federated, MeshInputs inputs, Membership membership) {
    return inputs.memo(
        PREFIXES,
        service,
        membership,
        s -> prefixesNaming(ServiceFederation.host(s, federated.plan().hostSuffix()), membership));
  }

  /** A service's prefixes, as {@link #prefixesNaming} gives them for its host: kept per service. */
  private static final PerInput<ServiceInput, List<String>> PREFIXES =
      new PerInput<>(ServiceInput.class, "host prefixes whose services name the same objects");

  /** The host prefixes ({@link MeshInputs#servicesWithHostPrefix}) that could name its objects. */
  private static List<String> prefixesNaming(String host, Membership membership) {
    String dashed = host.replace('.', '-');
    return suffixesInUse(membership).stream()
        .map(suffix -> "-" + suffix.replace('.', '-'))
        .filter(dashed::endsWith)
        .map(end -> dashed.substring(0, dashed.length() - end.length()))
        .distinct()
        .toList();
  }

  private static SortedSet<String> suffixesInUse(Membership membership) {
    SortedSet<String> suffixes = new TreeSet<>();
    membership
        .workspaces()
        .values()
        .forEach(w -> w.federation().ifPresent(plan -> suffixes.add(plan.hostSuffix())));
    return suffixes;
  }

  /** A service's claim, if its workspace federates it under a host naming {@code name}. */
  private static Optional<Claim> claimOf(
      ServiceInput rival, String name, MeshInputs inputs, Membership membership) {
    Decision<Federated> federated =
        ServiceFederation.federationByWorkspace(rival, inputs, membership);
    if (!federated.isAllowed()) {
      return Optional.empty();
    }
    String host = ServiceFederation.host(rival, federated.allowed().plan().hostSuffix());
    return Manifests.objectName(host).equals(name)
        ? Optional.of(Claim.of(rival, federated.allowed(), membership))
        : Optional.empty();
  }

  /** What one federated service would write: its host, the objects' name, where they go. */
  private record Claim(
      ServiceInput service, String workspace, String host, String name, SortedSet<String> targets) {

    static Claim of(ServiceInput service, Federated federated, Membership membership) {
      String host = ServiceFederation.host(service, federated.plan().hostSuffix());
      List<WorkspacePlan> importers =
          ServiceSharing.importers(service, federated.workspace(), membership);
      return new Claim(
          service,
          federated.workspace().name(),
          host,
          Manifests.objectName(host),
          ServiceFederation.targets(federated.workspace(), importers));
    }
  }

  private static SortedSet<String> sharedTargets(Claim claim, Claim rival) {
    SortedSet<String> shared = new TreeSet<>(claim.targets());
    shared.retainAll(rival.targets());
    return shared;
  }

  private static Exclusion exclusion(Claim loser, Claim winner) {
    String older =
        "the older " + winner.service().id().ref() + " (workspace " + winner.workspace() + ")";
    String where = " in cluster " + String.join(", ", sharedTargets(loser, winner));
    String what =
        winner.host().equals(loser.host())
            ? "its host " + loser.host() + " is already federated by " + older + where
            : "its host "
                + loser.host()
                + " would name its objects "
                + loser.name()
                + ", which "
                + older
                + " already holds for host "
                + winner.host()
                + where;
    return new Exclusion(
        Rule.HOST_CONFLICT,
        loser.service().id(),
        what + "; it is not federated until the conflict is resolved");
  }
}
