package dev.meshfed.translation.translate;

import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.model.ServiceInput;
import dev.meshfed.translation.model.VirtualDestinationInput;
import java.util.List;
import java.util.Map;

/**
 * A destination as policies' {@code applyToDestinations} select it: its kind ({@code SERVICE} or
 * {@code VIRTUAL_DESTINATION}), identity, labels, and ports by number and by the name a selector
 * may give instead.
 */
record PolicyDestination(
    String kind, ObjectId id, Map<String, String> labels, List<NamedPort> ports) {

  record NamedPort(int number, String name) {}

  static PolicyDestination of(VirtualDestinationInput vd) {
    return new PolicyDestination(
        DestinationPolicies.VIRTUAL_DESTINATION,
        vd.id(),
        vd.labels(),
        vd.ports().stream()
            .map(p -> new NamedPort(p.number(), VirtualDestinationObjects.portName(p)))
            .toList());
  }

  static PolicyDestination of(ServiceInput service) {
    return new PolicyDestination(
        RouteDestinations.SERVICE,
        service.id(),
        service.labels(),
        service.ports().stream().map(p -> new NamedPort(p.port(), p.name())).toList());
  }

  String ref() {
    return id.ref();
  }
}
