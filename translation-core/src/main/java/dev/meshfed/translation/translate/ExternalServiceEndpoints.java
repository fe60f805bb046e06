package dev.meshfed.translation.translate;

import dev.meshfed.translation.model.ExternalEndpointInput;
import dev.meshfed.translation.model.ExternalServiceInput;
import dev.meshfed.translation.model.MeshInputs;
import java.util.ArrayList;
import java.util.List;

/**
 * The ExternalEndpoints that back an ExternalService: the valid ones of its workspace its selector
 * picks (no selector: none), both for its own entry and for a VirtualDestination it backs.
 *
 * @param warnings what its selector picked but could not use, or that it picked none
 */
record ExternalServiceEndpoints(List<ExternalEndpointInput> endpoints, List<String> warnings) {

  static ExternalServiceEndpoints of(
      ExternalServiceInput es, String workspace, MeshInputs inputs, Membership membership) {
    if (es.selector().isEmpty()) {
      return new ExternalServiceEndpoints(List.of(), List.of());
    }
    boolean blocks = es.addresses().stream().anyMatch(IpAddresses::isCidr);
    List<ExternalEndpointInput> selected = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    inputs
        .all(ExternalEndpointInput.class)
        .filter(e -> Selectors.containsAll(e.labels(), es.selector()))
        .filter(e -> DestinationPolicies.inWorkspace(e.id(), workspace, membership))
        .forEach(
            e -> {
              if (e.address() != null && !IpAddresses.isIp(e.address()) && blocks) {
                warnings.add(
                    "ExternalEndpoint "
                        + e.id().ref()
                        + " is left out: its address "
                        + e.address()
                        + " is a name, which needs DNS resolution, and Istio allows the CIDR"
                        + " blocks of spec.addresses only with NONE or STATIC resolution");
              } else if (e.address() == null || e.address().isBlank() || !e.problems().isEmpty()) {
                warnings.add(
                    "ExternalEndpoint "
                        + e.id().ref()
                        + " is left out: "
                        + (e.problems().isEmpty() ? "it has no address" : e.problems()));
              } else {
                selected.add(e);
              }
            });
    if (selected.isEmpty()) {
      warnings.add(
          "spec.selector selects no ExternalEndpoint of workspace "
              + workspace
              + (es.addresses().isEmpty()
                  ? ", so its hosts are resolved by DNS"
                  : ", so its addresses are used"));
    }
    return new ExternalServiceEndpoints(List.copyOf(selected), List.copyOf(warnings));
  }
}
