package dev.meshfed.translation.translate;

import dev.meshfed.translation.model.AccessPolicyInput;
import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.model.ServiceInput;
import dev.meshfed.translation.translate.Exclusion.Rule;
import dev.meshfed.translation.translate.UnitId.PolicyUnit;
import java.util.List;
import java.util.Set;

/**
 * An AccessPolicy's translation: an AuthorizationPolicy and a PeerAuthentication on the workloads
 * of every destination it selects, and its status (see {@link AccessPolicyTranslation}).
 */
final class AccessPolicyTranslator implements Translator<PolicyUnit> {

  static final AccessPolicyTranslator INSTANCE = new AccessPolicyTranslator();
  static final Set<String> KINDS =
      Set.of(AccessPolicyObjects.AUTHORIZATION_POLICY, AccessPolicyObjects.PEER_AUTHENTICATION);

  private AccessPolicyTranslator() {}

  @Override
  public Set<String> kinds() {
    return KINDS;
  }

  @Override
  public Translation translate(PolicyUnit unit, MeshInputs inputs, Membership membership) {
    return inputs
        .get(unit.policy())
        .filter(AccessPolicyInput.class::isInstance)
        .map(p -> new AccessPolicyTranslation((AccessPolicyInput) p, inputs, membership).run())
        .orElse(Translation.EMPTY);
  }

  /** Its objects bear its name, its namespace and the guarded service's name. */
  @Override
  public List<PolicyUnit> candidates(DesiredRef ref, MeshInputs inputs, Membership membership) {
    List<ServiceInput> services =
        inputs
            .inCluster(ref.cluster(), ServiceInput.class)
            .filter(s -> s.id().namespace().equals(ref.namespace()))
            .toList();
    return inputs
        .all(AccessPolicyInput.class)
        .filter(
            p ->
                services.stream()
                    .anyMatch(
                        s -> AccessPolicyObjects.name(p.id(), s.id().name()).equals(ref.name())))
        .map(p -> new PolicyUnit(p.id()))
        .toList();
  }

  @Override
  public Exclusion unnamed(DesiredRef ref, MeshInputs inputs, Membership membership) {
    return new Exclusion(
        Rule.NO_SUCH_OBJECT,
        null,
        "no AccessPolicy guards a Service of namespace "
            + ref.namespace()
            + " of cluster "
            + ref.cluster()
            + " under the name "
            + ref.name()
            + "; meshfed names an AccessPolicy's objects access-POLICY-NAMESPACE-SERVICE");
  }
}
