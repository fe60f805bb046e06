package dev.meshfed.translation.model;

import dev.meshfed.translation.model.VirtualDestinationInput.ObjectSelector;
import java.util.List;

/**
 * A RetryTimeoutPolicy (meshfed's, or Gloo Mesh's resilience.policy.gloo.solo.io/v2 one): the
 * timeout and retries of the routes it selects.
 *
 * @param applyToRoutes route selectors: name and labels of a route, namespace, cluster and
 *     workspace of its route table; none: every route of the policy's workspace
 * @param requestTimeout a duration as written; null: none
 * @param retries null: Istio's default
 */
public record RetryTimeoutPolicyInput(
    ObjectId id,
    String creationTimestamp,
    long generation,
    List<ObjectSelector> applyToRoutes,
    String requestTimeout,
    Retries retries,
    List<String> problems)
    implements RoutePolicyInput {

  public RetryTimeoutPolicyInput {
    applyToRoutes = List.copyOf(applyToRoutes);
    problems = List.copyOf(problems);
  }

  /**
   * @param attempts null: 2, as in Gloo Mesh
   */
  public record Retries(
      Integer attempts, String perTryTimeout, String retryOn, Boolean retryRemoteLocalities) {}
}
