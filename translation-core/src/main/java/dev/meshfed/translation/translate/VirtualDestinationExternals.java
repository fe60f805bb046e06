package dev.meshfed.translation.translate;

import dev.meshfed.translation.model.ExternalEndpointInput;
import dev.meshfed.translation.model.ExternalServiceInput;
import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.model.VirtualDestinationInput;
import dev.meshfed.translation.model.VirtualDestinationInput.ObjectSelector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ExternalServices backing a VirtualDestination ({@code spec.externalServices}): the valid ones
 * its selectors pick in its workspace, or in another that exports them to it and that it imports
 * from, as for services. Each adds its endpoints to the hosts' entry: its ExternalEndpoints, else
 * its single addresses, else its first host (resolved by DNS), at the port of the ExternalService
 * whose number is the VirtualDestination port's target.
 *
 * @param endpoints the endpoints they add, in order of the ExternalServices (by id)
 * @param selected how many ExternalServices back the hosts
 * @param sources the ExternalServices and ExternalEndpoints the endpoints come from
 * @param warnings what the selectors picked but could not use
 */
record VirtualDestinationExternals(
    List<Endpoint> endpoints, int selected, List<ObjectId> sources, List<String> warnings) {

  /**
   * An address outside the mesh (an IP or a DNS name), its port per VirtualDestination port, and
   * its locality (null: none).
   */
  record Endpoint(String address, Map<String, Integer> ports, String locality) {}

  static VirtualDestinationExternals of(
      VirtualDestinationInput vd,
      WorkspacePlan workspace,
      MeshInputs inputs,
      Membership membership) {
    List<Endpoint> endpoints = new ArrayList<>();
    List<ObjectId> sources = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (int i = 0; i < vd.externalServices().size(); i++) {
      if (!vd.externalServices().get(i).labels().isEmpty()) {
        warnings.add(
            "spec.externalServices["
                + i
                + "].labels: meshfed does not read ExternalServices' labels yet, so this selector"
                + " selects none");
      }
    }
    int selected = 0;
    for (ExternalServiceInput es :
        inputs
            .all(ExternalServiceInput.class)
            .filter(es -> selected(vd, es, workspace, membership))
            .sorted((a, b) -> a.id().compareTo(b.id()))
            .toList()) {
      Optional<String> unusable = unusable(es, inputs);
      if (unusable.isPresent()) {
        warnings.add("ExternalService " + es.id().ref() + " is left out: " + unusable.get());
        continue;
      }
      Optional<List<Endpoint>> added = endpoints(vd, es, inputs, membership, warnings, sources);
      if (added.isPresent()) {
        endpoints.addAll(added.get());
        sources.add(es.id());
        selected++;
      }
    }
    return new VirtualDestinationExternals(
        List.copyOf(endpoints), selected, List.copyOf(sources), List.copyOf(warnings));
  }

  private static boolean selected(
      VirtualDestinationInput vd,
      ExternalServiceInput es,
      WorkspacePlan vdWorkspace,
      Membership membership) {
    Optional<WorkspacePlan> owner = membership.workspaceOf(es.id().cluster(), es.id().namespace());
    if (owner.isEmpty() || membership.removal(es.id().cluster()).isPresent()) {
      return false;
    }
    boolean shared =
        owner.get().name().equals(vdWorkspace.name())
            || ServiceSharing.allowsExternal(
                    owner.get().exportTo(), vdWorkspace.workspace(), es.id())
                && ServiceSharing.allowsExternal(
                    vdWorkspace.importFrom(), owner.get().workspace(), es.id());
    return shared
        && vd.externalServices().stream()
            .anyMatch(sel -> selects(sel, es.id(), owner.get().name(), vdWorkspace.name()));
  }

  private static boolean selects(
      ObjectSelector selector, ObjectId es, String owner, String vdWorkspace) {
    String wanted = selector.workspace() == null ? vdWorkspace : selector.workspace();
    return selector.labels().isEmpty()
        && Selectors.matchesIfSet(selector.name(), es.name())
        && Selectors.matchesIfSet(selector.namespace(), es.namespace())
        && Selectors.matchesIfSet(selector.cluster(), es.cluster())
        && Selectors.matchesNameOrAny(wanted, owner);
  }

  /** Why a selected ExternalService cannot back the hosts at all. */
  private static Optional<String> unusable(ExternalServiceInput es, MeshInputs inputs) {
    if (!ExternalServiceCheck.problems(es).isEmpty()
        || ExternalServiceCheck.olderRival(es, inputs).isPresent()) {
      return Optional.of("it is INVALID (see its status)");
    }
    if (es.ports().stream().anyMatch(ExternalServiceInput.Port::clientsideTls)) {
      return Optional.of(
          "a port of it has clientsideTls, and the hosts' DestinationRule cannot originate TLS"
              + " to it alone");
    }
    return Optional.empty();
  }

  /** Its endpoints for the hosts' ports; empty (with a warning) when a port has no match. */
  private static Optional<List<Endpoint>> endpoints(
      VirtualDestinationInput vd,
      ExternalServiceInput es,
      MeshInputs inputs,
      Membership membership,
      List<String> warnings,
      List<ObjectId> sources) {
    Map<String, ExternalServiceInput.Port> ports = new LinkedHashMap<>();
    for (VirtualDestinationInput.Port port : vd.ports()) {
      int target = numeric(port.targetPort()) ? Integer.parseInt(port.targetPort()) : port.number();
      Optional<ExternalServiceInput.Port> match =
          es.ports().stream().filter(p -> p.number() == target).findFirst();
      if (match.isEmpty()) {
        warnings.add(
            "ExternalService "
                + es.id().ref()
                + " is left out: it has no port "
                + target
                + " for port "
                + port.number());
        return Optional.empty();
      }
      ports.put(VirtualDestinationObjects.portName(port), match.get());
    }
    String owner =
        membership.workspaceOf(es.id().cluster(), es.id().namespace()).orElseThrow().name();
    List<ExternalEndpointInput> selected =
        ExternalServiceEndpoints.of(es, owner, inputs, membership).endpoints();
    List<Endpoint> endpoints = new ArrayList<>();
    for (ExternalEndpointInput e : selected) {
      Map<String, Integer> numbers = new LinkedHashMap<>();
      ports.forEach((name, p) -> numbers.put(name, ExternalServiceObjects.endpointPort(p, e)));
      endpoints.add(new Endpoint(e.address(), numbers, e.locality()));
      sources.add(e.id());
    }
    if (!selected.isEmpty()) {
      return Optional.of(endpoints);
    }
    if (es.addresses().stream().anyMatch(IpAddresses::isCidr)) {
      warnings.add(
          "ExternalService "
              + es.id().ref()
              + " is left out: it has no ExternalEndpoint, and a CIDR block of its addresses is no"
              + " endpoint");
      return Optional.empty();
    }
    List<String> addresses = es.addresses().isEmpty() ? List.of(es.hosts().get(0)) : es.addresses();
    Map<String, Integer> numbers = new LinkedHashMap<>();
    ports.forEach(
        (name, p) ->
            numbers.put(
                name, numeric(p.targetPort()) ? Integer.parseInt(p.targetPort()) : p.number()));
    addresses.forEach(address -> endpoints.add(new Endpoint(address, numbers, null)));
    return Optional.of(endpoints);
  }

  private static boolean numeric(String value) {
    return value != null && !value.isEmpty() && value.chars().allMatch(Character::isDigit);
  }
}
