package dev.meshfed.translation.model;

import java.util.List;

/**
 * A FailoverPolicy (meshfed's, or Gloo Mesh's resilience.policy.gloo.solo.io/v2 one): which regions
 * a destination's clients fail over to, or how their requests are distributed among localities, and
 * which labels' values the endpoints they prefer share with them ({@code priorityLabels}, in
 * order).
 */
public record FailoverPolicyInput(
    ObjectId id,
    String creationTimestamp,
    long generation,
    List<DestinationSelector> applyToDestinations,
    List<LocalityMapping> localityMappings,
    List<String> priorityLabels,
    List<String> problems)
    implements Input {

  public FailoverPolicyInput {
    applyToDestinations = List.copyOf(applyToDestinations);
    localityMappings = List.copyOf(localityMappings);
    priorityLabels = List.copyOf(priorityLabels);
    problems = List.copyOf(problems);
  }

  /**
   * Clients in {@code from} fail over to {@code to}, in order; or, where the {@code to} localities
   * carry weights, their requests are distributed among them.
   */
  public record LocalityMapping(Locality from, List<Locality> to) {

    public LocalityMapping {
      to = List.copyOf(to);
    }

    /** Whether any of its {@code to} localities carries a weight. */
    public boolean weighted() {
      return to.stream().anyMatch(t -> t.weight() != null);
    }
  }

  /**
   * @param weight a {@code to} locality's share in percent; null where not written, and on {@code
   *     from}
   */
  public record Locality(String region, String zone, String subZone, Integer weight) {

    public Locality(String region, String zone, String subZone) {
      this(region, zone, subZone, null);
    }
  }
}
