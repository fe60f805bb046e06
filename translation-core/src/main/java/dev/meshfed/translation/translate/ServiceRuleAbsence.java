package dev.meshfed.translation.translate;

import dev.meshfed.translation.translate.Exclusion.Rule;

/** Why a Service lacks one of the DestinationRules {@link ServiceRules} names. */
final class ServiceRuleAbsence {

  private ServiceRuleAbsence() {}

  /** Why a Service has no DestinationRules. */
  static Exclusion nothingToSet(ServiceRules rules) {
    return new Exclusion(
        Rule.NO_POLICY_OR_SUBSET,
        rules.service().id(),
        "no FailoverPolicy or OutlierDetectionPolicy of workspace "
            + rules.workspace().name()
            + " selects it, and no route asks for a subset of it, so it needs no DestinationRule");
  }

  static Exclusion ownClusterCallsLocally(ServiceRules rules, String host) {
    return new Exclusion(
        Rule.NO_POLICY_OR_SUBSET,
        rules.service().id(),
        "its clients in its own cluster "
            + rules.service().id().cluster()
            + " call it by "
            + ServiceRules.localHost(rules.service().id())
            + ", whose rule is "
            + ServiceRules.localRuleName(rules.service().id())
            + "; "
            + host
            + " needs a rule there only for the subsets (see "
            + ServiceRules.gatewayRuleName(host)
            + ")");
  }

  static Exclusion noSubsets(ServiceRules rules) {
    return new Exclusion(
        Rule.NO_POLICY_OR_SUBSET,
        rules.service().id(),
        "no route asks for a subset of it, so its east-west gateway needs no subset rule");
  }

  static Exclusion gatewayOfOwnerOnly(ServiceRules rules, String host) {
    return new Exclusion(
        Rule.NO_POLICY_OR_SUBSET,
        rules.service().id(),
        "only the east-west gateway of its own cluster "
            + rules.service().id().cluster()
            + " routes "
            + host
            + " to its pods");
  }
}
