package dev.meshfed.translation.model;

import dev.meshfed.translation.model.VirtualDestinationInput.ObjectSelector;
import java.util.List;

/** A policy that applies to routes of route tables: one of each kind per route. */
public sealed interface RoutePolicyInput extends Input
    permits RetryTimeoutPolicyInput,
        FaultInjectionPolicyInput,
        HeaderManipulationPolicyInput,
        MirrorPolicyInput {

  String creationTimestamp();

  long generation();

  List<ObjectSelector> applyToRoutes();
}
