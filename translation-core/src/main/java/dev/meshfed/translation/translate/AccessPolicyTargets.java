package dev.meshfed.translation.translate;

import dev.meshfed.translation.model.AccessPolicyInput;
import dev.meshfed.translation.model.DestinationSelector;
import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.model.ServiceInput;
import dev.meshfed.translation.model.ServicePortInput;
import dev.meshfed.translation.model.VirtualDestinationInput;
import dev.meshfed.translation.model.VirtualDestinationInput.Port;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The workloads an AccessPolicy guards: the Services of its workspace its SERVICE selectors pick,
 * and the backing Services (of its workspace) of the VirtualDestinations its VIRTUAL_DESTINATION
 * selectors pick; per Service, the container ports it guards (none: every port).
 *
 * @param targets by Service
 * @param warnings what it selects but cannot guard
 */
record AccessPolicyTargets(
    SortedMap<ServiceInput, SortedSet<Integer>> targets, List<String> warnings) {

  static AccessPolicyTargets of(
      AccessPolicyInput policy, WorkspacePlan workspace, MeshInputs inputs, Membership membership) {
    AccessPolicyTargets found =
        new AccessPolicyTargets(
            new TreeMap<>((a, b) -> a.id().compareTo(b.id())), new ArrayList<>());
    for (DestinationSelector selector : selectors(policy)) {
      if (DestinationPolicies.VIRTUAL_DESTINATION.equals(selector.kind())) {
        found.virtualDestinations(selector, workspace, inputs, membership);
      } else if (RouteDestinations.SERVICE.equals(selector.kind())) {
        found.services(selector, workspace, inputs, membership);
      }
    }
    return found;
  }

  /** Its selectors; none selects every Service and VirtualDestination of the workspace. */
  private static List<DestinationSelector> selectors(AccessPolicyInput policy) {
    if (!policy.applyToDestinations().isEmpty()) {
      return policy.applyToDestinations();
    }
    return List.of(
        new DestinationSelector(RouteDestinations.SERVICE, null, null, null),
        new DestinationSelector(DestinationPolicies.VIRTUAL_DESTINATION, null, null, null));
  }

  private void services(
      DestinationSelector selector,
      WorkspacePlan workspace,
      MeshInputs inputs,
      Membership membership) {
    inputs
        .all(ServiceInput.class)
        .filter(s -> DestinationPolicies.inWorkspace(s.id(), workspace.name(), membership))
        .forEach(
            s ->
                DestinationPolicies.slot(selector, PolicyDestination.of(s), workspace.name())
                    .ifPresent(
                        slot -> {
                          if (slot == DestinationPolicies.EVERY_PORT) {
                            guardAll(s);
                          } else {
                            s.ports().stream()
                                .filter(p -> p.port() == slot)
                                .findFirst()
                                .flatMap(p -> containerPort(s, p))
                                .ifPresent(n -> guard(s, n));
                          }
                        }));
  }

  private void virtualDestinations(
      DestinationSelector selector,
      WorkspacePlan workspace,
      MeshInputs inputs,
      Membership membership) {
    VirtualDestinationTranslator.all(inputs)
        .filter(vd -> DestinationPolicies.inWorkspace(vd.id(), workspace.name(), membership))
        .forEach(
            vd ->
                DestinationPolicies.slot(selector, PolicyDestination.of(vd), workspace.name())
                    .ifPresent(
                        slot -> {
                          var backing =
                              VirtualDestinationBacking.of(vd, workspace, inputs, membership);
                          backing
                              .services()
                              .values()
                              .forEach(s -> backedBy(vd, slot, s, workspace, membership));
                        }));
  }

  private void backedBy(
      VirtualDestinationInput vd,
      int slot,
      ServiceInput service,
      WorkspacePlan workspace,
      Membership membership) {
    if (!DestinationPolicies.inWorkspace(service.id(), workspace.name(), membership)) {
      warnings.add(
          service.id().ref()
              + " backs "
              + vd.id().ref()
              + " from another workspace, whose own policies decide who may call it");
      return;
    }
    if (slot == DestinationPolicies.EVERY_PORT) {
      guardAll(service);
      return;
    }
    Port port = vd.ports().stream().filter(p -> p.number() == slot).findFirst().orElseThrow();
    String target = port.targetPort() == null ? String.valueOf(port.number()) : port.targetPort();
    Optional<ServicePortInput> servicePort =
        service.ports().stream()
            .filter(p -> String.valueOf(p.port()).equals(target) || target.equals(p.name()))
            .findFirst();
    (servicePort.isEmpty() && target.chars().allMatch(Character::isDigit)
            ? Optional.of(Integer.parseInt(target))
            : servicePort.flatMap(p -> containerPort(service, p)))
        .ifPresent(n -> guard(service, n));
  }

  /** Guards every port of a Service (an empty set of ports). */
  private void guardAll(ServiceInput service) {
    targets.put(service, new TreeSet<>());
  }

  /** Guards one more container port of a Service, unless it guards every port already. */
  private void guard(ServiceInput service, int port) {
    SortedSet<Integer> ports = targets.get(service);
    if (ports == null) {
      targets.put(service, new TreeSet<>(List.of(port)));
    } else if (!ports.isEmpty()) {
      ports.add(port);
    }
  }

  private Optional<Integer> containerPort(ServiceInput service, ServicePortInput port) {
    String target = port.targetPort();
    if (target == null || target.isEmpty()) {
      return Optional.of(port.port());
    }
    if (target.chars().allMatch(Character::isDigit)) {
      return Optional.of(Integer.parseInt(target));
    }
    warnings.add(
        service.id().ref()
            + " port "
            + port.port()
            + " targets the named container port '"
            + target
            + "', which an AuthorizationPolicy cannot name; the policy guards its other ports"
            + " only");
    return Optional.empty();
  }
}
