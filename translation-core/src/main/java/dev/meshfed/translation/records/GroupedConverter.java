package dev.meshfed.translation.records;

import dev.meshfed.schema.discovery.AccessPolicyState;
import dev.meshfed.schema.discovery.ExternalEndpointState;
import dev.meshfed.schema.discovery.ExternalServiceState;
import dev.meshfed.schema.discovery.FailoverPolicyState;
import dev.meshfed.schema.discovery.FaultInjectionPolicyState;
import dev.meshfed.schema.discovery.HeaderManipulationPolicyState;
import dev.meshfed.schema.discovery.Locality;
import dev.meshfed.schema.discovery.MirrorPolicyState;
import dev.meshfed.schema.discovery.OutlierDetectionPolicyState;
import dev.meshfed.schema.discovery.RetryTimeoutPolicyState;
import dev.meshfed.schema.discovery.RouteTableState;
import dev.meshfed.schema.discovery.VirtualDestinationState;
import dev.meshfed.translation.model.AccessPolicyInput;
import dev.meshfed.translation.model.DestinationSelector;
import dev.meshfed.translation.model.ExternalEndpointInput;
import dev.meshfed.translation.model.ExternalServiceInput;
import dev.meshfed.translation.model.FailoverPolicyInput;
import dev.meshfed.translation.model.Input;
import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.model.OutlierDetectionPolicyInput;
import dev.meshfed.translation.model.VirtualDestinationInput;
import java.util.List;
import java.util.Optional;

/**
 * Grouped federation's kinds (VirtualDestination, RouteTable, the policies) from the wire format.
 */
final class GroupedConverter {

  private GroupedConverter() {}

  static Optional<Input> toInput(
      ObjectId id, String created, long generation, Object payload, List<String> problems) {
    if (payload instanceof VirtualDestinationState vd) {
      return Optional.of(virtualDestination(id, created, generation, vd, problems));
    } else if (payload instanceof FailoverPolicyState f) {
      return Optional.of(
          new FailoverPolicyInput(
              id,
              created,
              generation,
              destinations(f.getApplyToDestinations()),
              f.getLocalityMappings().stream()
                  .map(
                      m ->
                          new FailoverPolicyInput.LocalityMapping(
                              locality(m.getFrom()),
                              m.getTo().stream().map(GroupedConverter::locality).toList()))
                  .toList(),
              f.getPriorityLabels(),
              problems));
    } else if (payload instanceof OutlierDetectionPolicyState o) {
      return Optional.of(
          new OutlierDetectionPolicyInput(
              id,
              created,
              generation,
              destinations(o.getApplyToDestinations()),
              o.getConsecutiveErrors(),
              o.getInterval(),
              o.getBaseEjectionTime(),
              o.getMaxEjectionPercent(),
              problems));
    } else if (payload instanceof RouteTableState rt) {
      return Optional.of(RouteConverter.routeTable(id, created, generation, rt, problems));
    } else if (payload instanceof RetryTimeoutPolicyState p) {
      return Optional.of(RouteConverter.retryTimeout(id, created, generation, p, problems));
    } else if (payload instanceof FaultInjectionPolicyState p) {
      return Optional.of(RouteConverter.faultInjection(id, created, generation, p, problems));
    } else if (payload instanceof HeaderManipulationPolicyState p) {
      return Optional.of(RouteConverter.headerManipulation(id, created, generation, p, problems));
    } else if (payload instanceof MirrorPolicyState p) {
      return Optional.of(RouteConverter.mirror(id, created, generation, p, problems));
    } else if (payload instanceof AccessPolicyState p) {
      return Optional.of(
          new AccessPolicyInput(
              id,
              created,
              generation,
              destinations(p.getApplyToDestinations()),
              p.getTlsMode(),
              p.getRules().stream()
                  .map(
                      r ->
                          new AccessPolicyInput.Rule(
                              r.getAllowedClients().stream()
                                  .map(InputConverter::objectSelector)
                                  .toList(),
                              r.getAllowedPaths(),
                              r.getAllowedMethods()))
                  .toList(),
              problems));
    }
    if (payload instanceof ExternalServiceState es) {
      return Optional.of(
          new ExternalServiceInput(
              id,
              created,
              generation,
              es.getHosts(),
              es.getAddresses(),
              es.getPorts().stream()
                  .map(
                      p ->
                          new ExternalServiceInput.Port(
                              p.getNumber(),
                              p.getName(),
                              p.getProtocol(),
                              p.getTargetPort(),
                              p.getClientsideTls()))
                  .toList(),
              es.getSelector(),
              es.getSubjectAltNames(),
              problems));
    }
    if (payload instanceof ExternalEndpointState ee) {
      return Optional.of(
          new ExternalEndpointInput(
              id,
              ee.getAddress(),
              ee.getPorts().stream()
                  .map(p -> new ExternalEndpointInput.Port(p.getName(), p.getNumber()))
                  .toList(),
              ee.getLabels(),
              ee.getLocality(),
              problems));
    }
    return OssmConverter.toInput(id, payload, problems);
  }

  private static VirtualDestinationInput virtualDestination(
      ObjectId id,
      String created,
      long generation,
      VirtualDestinationState vd,
      List<String> problems) {
    return new VirtualDestinationInput(
        id,
        created,
        generation,
        vd.getHosts(),
        vd.getServices().stream().map(InputConverter::objectSelector).toList(),
        vd.getExternalServices().stream().map(InputConverter::objectSelector).toList(),
        vd.getLabels(),
        vd.getPorts().stream()
            .map(
                p ->
                    new VirtualDestinationInput.Port(
                        p.getNumber(), p.getProtocol(), p.getTargetPort()))
            .toList(),
        problems);
  }

  private static List<DestinationSelector> destinations(
      List<dev.meshfed.schema.discovery.DestinationSelector> selectors) {
    return selectors.stream()
        .map(
            d ->
                new DestinationSelector(
                    d.getKind(),
                    d.getSelector() == null ? null : InputConverter.objectSelector(d.getSelector()),
                    d.getPortNumber(),
                    d.getPortName()))
        .toList();
  }

  private static FailoverPolicyInput.Locality locality(Locality l) {
    return new FailoverPolicyInput.Locality(
        l.getRegion(), l.getZone(), l.getSubZone(), l.getWeight());
  }
}
