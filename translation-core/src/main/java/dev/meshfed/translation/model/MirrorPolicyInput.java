package dev.meshfed.translation.model;

import dev.meshfed.translation.model.RouteTableInput.RouteDestination;
import dev.meshfed.translation.model.VirtualDestinationInput.ObjectSelector;
import java.util.List;

/**
 * A MirrorPolicy (meshfed's, or Gloo Mesh's trafficcontrol.policy.gloo.solo.io/v2 one): a copy of
 * the requests of the routes it selects, sent to another destination.
 *
 * @param destination null where none is written
 * @param percentage null: every request
 */
public record MirrorPolicyInput(
    ObjectId id,
    String creationTimestamp,
    long generation,
    List<ObjectSelector> applyToRoutes,
    RouteDestination destination,
    Double percentage,
    List<String> problems)
    implements RoutePolicyInput {

  public MirrorPolicyInput {
    applyToRoutes = List.copyOf(applyToRoutes);
    problems = List.copyOf(problems);
  }
}
