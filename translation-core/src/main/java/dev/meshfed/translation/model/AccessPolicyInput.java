package dev.meshfed.translation.model;

import dev.meshfed.translation.model.VirtualDestinationInput.ObjectSelector;
import java.util.List;

/**
 * An AccessPolicy (meshfed's, or Gloo Mesh's security.policy.gloo.solo.io/v2 one): which clients
 * may call the destinations it selects, and whether they must use mTLS.
 *
 * @param tlsMode STRICT or PERMISSIVE as written; null: left as it is
 * @param rules requests any rule admits are allowed; none: the policy admits nothing itself
 */
public record AccessPolicyInput(
    ObjectId id,
    String creationTimestamp,
    long generation,
    List<DestinationSelector> applyToDestinations,
    String tlsMode,
    List<Rule> rules,
    List<String> problems)
    implements Input {

  public AccessPolicyInput {
    applyToDestinations = List.copyOf(applyToDestinations);
    rules = List.copyOf(rules);
    problems = List.copyOf(problems);
  }

  /**
   * Requests from any of the clients (service accounts by name, namespace and cluster), to any of
   * the paths, with any of the methods; an empty list admits any.
   */
  public record Rule(
      List<ObjectSelector> allowedClients, List<String> allowedPaths, List<String> allowedMethods) {

    public Rule {
      allowedClients = List.copyOf(allowedClients);
      allowedPaths = List.copyOf(allowedPaths);
      allowedMethods = List.copyOf(allowedMethods);
    }
  }
}
