package dev.meshfed.translation.model;

import java.util.List;

/**
 * An OutlierDetectionPolicy (meshfed's, or Gloo Mesh's resilience.policy.gloo.solo.io/v2 one): when
 * a destination's endpoints are ejected. Null fields take Gloo Mesh's defaults.
 *
 * @param interval a duration as written
 */
public record OutlierDetectionPolicyInput(
    ObjectId id,
    String creationTimestamp,
    long generation,
    List<DestinationSelector> applyToDestinations,
    Integer consecutiveErrors,
    String interval,
    String baseEjectionTime,
    Integer maxEjectionPercent,
    List<String> problems)
    implements Input {

  public OutlierDetectionPolicyInput {
    applyToDestinations = List.copyOf(applyToDestinations);
    problems = List.copyOf(problems);
  }
}
