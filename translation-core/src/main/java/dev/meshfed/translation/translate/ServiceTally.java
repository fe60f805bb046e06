package dev.meshfed.translation.translate;

import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.model.MeshInputs.PerInput;
import dev.meshfed.translation.model.MeshInputs.State;
import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.model.ServiceInput;
import dev.meshfed.translation.translate.ServiceFederation.Federated;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How many services each workspace federates, exports and imports, as {@link
 * ServiceFederation#federation} decides for every service: kept up to date from the services that
 * changed since the last count, so a status unit does not read every service of the mesh on each
 * create or delete. A service's count depends on itself, the membership, and the services that
 * could claim the same objects (those under its host prefixes, {@link HostClaims#prefixes}): a
 * change recounts the changed service and those. Another membership, or more changes than the
 * inputs remember, counts everything again.
 */
final class ServiceTally {

  /** The counts, by workspace name. */
  record Counts(
      Map<String, Integer> federated,
      Map<String, Integer> exported,
      Map<String, Integer> imported) {

    static final Counts NONE = new Counts(Map.of(), Map.of(), Map.of());
  }

  private static final State<ServiceTally> STATE = new State<>("services counted by workspace");
  private static final PerInput<ServiceInput, Share> SHARES =
      new PerInput<>(ServiceInput.class, "federated by which workspace, imported by which");

  /** What one service adds to the counts, and the prefixes its rivals are under. */
  private record Share(Optional<Federated> federated, List<String> importers) {

    static Share of(ServiceInput service, MeshInputs inputs, Membership membership) {
      Optional<Federated> federated = ServiceFederation.byWorkspace(service, inputs, membership);
      return new Share(
          federated,
          federated
              .map(
                  f ->
                      ServiceSharing.importers(service, f.workspace(), membership).stream()
                          .map(WorkspacePlan::name)
                          .toList())
              .orElse(List.of()));
    }
  }

  private record Counted(String workspace, List<String> importers, List<String> prefixes) {}

  private Membership membership;
  private long mark;
  private final Map<ObjectId, Counted> counted = new HashMap<>();
  private final Map<String, Integer> federated = new HashMap<>();
  private final Map<String, Integer> exported = new HashMap<>();
  private final Map<String, Integer> imported = new HashMap<>();

  private ServiceTally() {}

  static Counts of(MeshInputs inputs, Membership membership) {
    return inputs.state(STATE, ServiceTally::new).update(inputs, membership);
  }

  /** Every service counted afresh: what {@link #of} must always equal. */
  static Counts afresh(MeshInputs inputs, Membership membership) {
    return new ServiceTally().update(inputs, membership);
  }

  private Counts update(MeshInputs inputs, Membership membership) {
    Optional<List<ObjectId>> changed = inputs.servicesChangedSince(mark);
    if (membership != this.membership || changed.isEmpty()) {
      clear();
      inputs.all(ServiceInput.class).forEach(service -> count(service, inputs, membership));
    } else {
      recount(changed.get(), inputs, membership);
    }
    this.membership = membership;
    this.mark = inputs.serviceChangeMark();
    return new Counts(Map.copyOf(federated), Map.copyOf(exported), Map.copyOf(imported));
  }

  private void recount(List<ObjectId> changed, MeshInputs inputs, Membership membership) {
    Set<ObjectId> again = new HashSet<>();
    for (ObjectId id : changed) {
      again.add(id);
      Counted before = counted.get(id);
      if (before != null) {
        rivalsUnder(before.prefixes(), inputs, again);
      }
      inputs
          .get(id)
          .filter(ServiceInput.class::isInstance)
          .map(ServiceInput.class::cast)
          .ifPresent(service -> rivalsUnder(prefixes(service, inputs, membership), inputs, again));
    }
    for (ObjectId id : again) {
      uncount(id);
      inputs
          .get(id)
          .filter(ServiceInput.class::isInstance)
          .ifPresent(service -> count((ServiceInput) service, inputs, membership));
    }
  }

  private static void rivalsUnder(List<String> prefixes, MeshInputs inputs, Set<ObjectId> again) {
    prefixes.forEach(
        prefix -> inputs.servicesWithHostPrefix(prefix).forEach(s -> again.add(s.id())));
  }

  private static List<String> prefixes(
      ServiceInput service, MeshInputs inputs, Membership membership) {
    return ServiceFederation.byWorkspace(service, inputs, membership)
        .map(f -> HostClaims.prefixes(service, f, inputs, membership))
        .orElse(List.of());
  }

  private void count(ServiceInput service, MeshInputs inputs, Membership membership) {
    Share share = inputs.memo(SHARES, service, membership, s -> Share.of(s, inputs, membership));
    if (share.federated().isEmpty()) {
      return;
    }
    Federated f = share.federated().get();
    List<String> prefixes = HostClaims.prefixes(service, f, inputs, membership);
    if (HostClaims.conflict(service, f, inputs, membership).isPresent()) {
      counted.put(service.id(), new Counted(null, List.of(), prefixes));
      return;
    }
    Counted counts = new Counted(f.workspace().name(), share.importers(), prefixes);
    counted.put(service.id(), counts);
    add(counts, 1);
  }

  private void uncount(ObjectId id) {
    Counted before = counted.remove(id);
    if (before != null) {
      add(before, -1);
    }
  }

  private void add(Counted counts, int delta) {
    if (counts.workspace() == null) {
      return;
    }
    merge(federated, counts.workspace(), delta);
    if (!counts.importers().isEmpty()) {
      merge(exported, counts.workspace(), delta);
    }
    counts.importers().forEach(importer -> merge(imported, importer, delta));
  }

  private static void merge(Map<String, Integer> counts, String key, int delta) {
    counts.merge(key, delta, Integer::sum);
    if (counts.get(key) == 0) {
      counts.remove(key);
    }
  }

  private void clear() {
    counted.clear();
    federated.clear();
    exported.clear();
    imported.clear();
  }
}
