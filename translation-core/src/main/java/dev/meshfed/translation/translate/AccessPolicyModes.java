package dev.meshfed.translation.translate;

import dev.meshfed.translation.model.AccessPolicyInput;
import dev.meshfed.translation.model.Input;
import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.model.ServiceInput;
import java.util.Comparator;
import java.util.Optional;

/**
 * Which AccessPolicy sets a workload's mTLS mode: Istio takes one workload PeerAuthentication (the
 * oldest), so the oldest valid AccessPolicy with a tlsMode that guards it sets it.
 */
final class AccessPolicyModes {

  private static final Comparator<AccessPolicyInput> OLDEST_FIRST =
      Comparator.comparing(
              AccessPolicyInput::creationTimestamp, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(Input::id);

  private AccessPolicyModes() {}

  /** The older AccessPolicy of the workspace that sets the mode of the service, if any. */
  static Optional<AccessPolicyInput> olderSetting(
      AccessPolicyInput policy,
      ServiceInput service,
      WorkspacePlan workspace,
      MeshInputs inputs,
      Membership membership) {
    return inputs
        .all(AccessPolicyInput.class)
        .filter(other -> other.tlsMode() != null)
        .filter(other -> OLDEST_FIRST.compare(other, policy) < 0)
        .filter(other -> DestinationPolicies.inWorkspace(other.id(), workspace.name(), membership))
        .filter(other -> AccessPolicyCheck.problems(other).isEmpty())
        .filter(
            other ->
                AccessPolicyTargets.of(other, workspace, inputs, membership)
                    .targets()
                    .containsKey(service))
        .min(OLDEST_FIRST);
  }
}
