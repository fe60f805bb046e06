package dev.meshfed.translation.model;

import dev.meshfed.translation.model.VirtualDestinationInput.ObjectSelector;
import java.util.List;
import java.util.Map;

/**
 * A HeaderManipulationPolicy (meshfed's, or Gloo Mesh's trafficcontrol.policy.gloo.solo.io/v2 one):
 * headers added to and removed from the requests and responses of the routes it selects.
 */
public record HeaderManipulationPolicyInput(
    ObjectId id,
    String creationTimestamp,
    long generation,
    List<ObjectSelector> applyToRoutes,
    Map<String, String> appendRequestHeaders,
    List<String> removeRequestHeaders,
    Map<String, String> appendResponseHeaders,
    List<String> removeResponseHeaders,
    List<String> problems)
    implements RoutePolicyInput {

  public HeaderManipulationPolicyInput {
    applyToRoutes = List.copyOf(applyToRoutes);
    appendRequestHeaders = Map.copyOf(appendRequestHeaders);
    removeRequestHeaders = List.copyOf(removeRequestHeaders);
    appendResponseHeaders = Map.copyOf(appendResponseHeaders);
    removeResponseHeaders = List.copyOf(removeResponseHeaders);
    problems = List.copyOf(problems);
  }
}
