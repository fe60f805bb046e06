package dev.meshfed.translation.model;

import java.util.List;

/**
 * A FailoverPolicy (meshfed's, or Gloo Mesh's resilience.policy.gloo.solo.io/v2 one): which regions
 * a destination's clients fail over to.
 */
public record FailoverPolicyInput(
    ObjectId id,
    String creationTimestamp,
    long generation,
    List<DestinationSelector> applyToDestinations,
    List<LocalityMapping> localityMappings,
    List<String> problems)
    implements Input {

  public FailoverPolicyInput {
    applyToDestinations = List.copyOf(applyToDestinations);
    localityMappings = List.copyOf(localityMappings);
    problems = List.copyOf(problems);
  }

  /** Clients in {@code from} fail over to {@code to}, in order. */
  public record LocalityMapping(Locality from, List<Locality> to) {

    public LocalityMapping {
      to = List.copyOf(to);
    }
  }

  public record Locality(String region, String zone, String subZone) {}
}
