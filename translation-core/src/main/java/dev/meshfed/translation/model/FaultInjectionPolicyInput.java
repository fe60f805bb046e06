package dev.meshfed.translation.model;

import dev.meshfed.translation.model.VirtualDestinationInput.ObjectSelector;
import java.util.List;

/**
 * A FaultInjectionPolicy (meshfed's, or Gloo Mesh's resilience.policy.gloo.solo.io/v2 one): delays
 * and aborts on the routes it selects.
 */
public record FaultInjectionPolicyInput(
    ObjectId id,
    String creationTimestamp,
    long generation,
    List<ObjectSelector> applyToRoutes,
    Delay delay,
    Abort abort,
    List<String> problems)
    implements RoutePolicyInput {

  public FaultInjectionPolicyInput {
    applyToRoutes = List.copyOf(applyToRoutes);
    problems = List.copyOf(problems);
  }

  /**
   * @param percentage null: every request
   */
  public record Delay(String fixedDelay, Double percentage) {}

  /**
   * @param percentage null: every request
   */
  public record Abort(Integer httpStatus, Double percentage) {}
}
