package dev.meshfed.oracle.istio;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Istio's webhook rules for networking.istio.io kinds, after pkg/config/validation/validation.go at
 * 1.24 (the function each follows is named on it). Runs after the schema check, so types and enums
 * are already right and required fields present.
 */
final class NetworkingRules {

  private static final Set<String> TLS_PROTOCOLS = Set.of("HTTPS", "TLS");

  private NetworkingRules() {}

  /** ValidateServiceEntry. */
  static void serviceEntry(JsonNode spec, String namespace, FieldErrors errors) {
    if (spec.has("workloadSelector") && spec.has("endpoints")) {
      errors.forbidden(
          "spec", "only one of WorkloadSelector or Endpoints is allowed in Service Entry");
    }
    JsonNode hosts = spec.path("hosts");
    if (hosts.isEmpty()) {
      errors.required("spec.hosts", "service entry must have at least one host");
    }
    for (int i = 0; i < hosts.size(); i++) {
      String host = hosts.get(i).asText();
      if (host.equals("*")) {
        errors.invalid(
            "spec.hosts[" + i + "]", host, "invalid host * (hostname cannot be wildcard)");
      } else {
        IstioNames.wildcardDomain("spec.hosts[" + i + "]", host, errors);
      }
    }
    String resolution = spec.path("resolution").asText("NONE");
    JsonNode addresses = spec.path("addresses");
    for (int i = 0; i < addresses.size(); i++) {
      String address = addresses.get(i).asText();
      IstioNames.ipOrSubnet("spec.addresses[" + i + "]", address, errors);
      if (address.contains("/") && !resolution.equals("NONE") && !resolution.equals("STATIC")) {
        errors.invalid(
            "spec.addresses[" + i + "]",
            address,
            "CIDR addresses are allowed only for NONE/STATIC resolution types");
      }
    }
    Set<String> portNames = servicePorts(spec.path("ports"), errors);
    endpoints(spec, resolution, portNames, errors);
    if (!resolution.equals("NONE") && hosts.size() > 1 && !httpOrTlsOnly(spec.path("ports"))) {
      errors.invalid("spec.hosts", hosts, "multiple hosts provided with non-HTTP, non-TLS ports");
    }
    IstioNames.exportTo("spec.exportTo", spec.path("exportTo"), namespace, true, errors);
    IstioNames.labels(
        "spec.workloadSelector.labels", spec.path("workloadSelector").path("labels"), errors);
  }

  /** ValidateServiceEntry's port loop: unique names and numbers, valid name, protocol, number. */
  private static Set<String> servicePorts(JsonNode ports, FieldErrors errors) {
    Set<String> names = new HashSet<>();
    Set<Integer> numbers = new HashSet<>();
    for (int i = 0; i < ports.size(); i++) {
      JsonNode port = ports.get(i);
      String field = "spec.ports[" + i + "]";
      String name = port.path("name").asText();
      if (!names.add(name)) {
        errors.duplicate(field + ".name", name);
      }
      if (!numbers.add(port.path("number").asInt())) {
        errors.duplicate(field + ".number", port.path("number").asInt());
      }
      IstioNames.portName(field + ".name", name, errors);
      IstioNames.protocol(field + ".protocol", port.path("protocol").asText(), errors);
      IstioNames.port(field + ".number", port.path("number"), errors);
      if (port.has("targetPort")) {
        IstioNames.port(field + ".targetPort", port.path("targetPort"), errors);
      }
    }
    return names;
  }

  /** ValidateServiceEntry's resolution switch: what endpoints each resolution allows. */
  private static void endpoints(
      JsonNode spec, String resolution, Set<String> portNames, FieldErrors errors) {
    JsonNode endpoints = spec.path("endpoints");
    if (resolution.equals("NONE") && !endpoints.isEmpty()) {
      errors.forbidden(
          "spec.endpoints", "no endpoints should be provided for resolution type none");
    }
    if (resolution.equals("DNS_ROUND_ROBIN") && endpoints.size() > 1) {
      errors.invalid(
          "spec.endpoints",
          endpoints.size(),
          "there must only be 0 or 1 endpoint for resolution mode DNS_ROUND_ROBIN");
    }
    if ((resolution.startsWith("DNS")) && endpoints.isEmpty()) {
      JsonNode hosts = spec.path("hosts");
      for (int i = 0; i < hosts.size(); i++) {
        if (!IstioNames.isFqdn(hosts.get(i).asText())) {
          errors.invalid(
              "spec.hosts[" + i + "]",
              hosts.get(i).asText(),
              "hosts must be FQDN if no endpoints are provided for resolution mode DNS");
        }
      }
    }
    for (int i = 0; i < endpoints.size(); i++) {
      JsonNode endpoint = endpoints.get(i);
      String field = "spec.endpoints[" + i + "]";
      String address = endpoint.path("address").asText();
      if (resolution.equals("STATIC") && !address.startsWith("unix://")) {
        if (!IstioNames.isIpAddress(address)) {
          errors.invalid(field + ".address", address, "endpoint address is not a valid IP address");
        }
      } else if (resolution.startsWith("DNS")
          && !IstioNames.isIpAddress(address)
          && !IstioNames.isFqdn(address)) {
        errors.invalid(
            field + ".address", address, "endpoint address is not a valid FQDN or an IP address");
      }
      endpoint
          .path("ports")
          .fields()
          .forEachRemaining(
              port -> {
                String portField = field + ".ports[" + port.getKey() + "]";
                if (!portNames.contains(port.getKey())) {
                  errors.invalid(
                      portField,
                      port.getKey(),
                      "endpoint port is not defined by the service entry");
                }
                IstioNames.portName(portField, port.getKey(), errors);
                IstioNames.port(portField, port.getValue(), errors);
              });
      IstioNames.labels(field + ".labels", endpoint.path("labels"), errors);
    }
  }

  private static boolean httpOrTlsOnly(JsonNode ports) {
    for (JsonNode port : ports) {
      String protocol = port.path("protocol").asText().toUpperCase();
      if (!protocol.startsWith("HTTP")
          && !protocol.startsWith("GRPC")
          && !TLS_PROTOCOLS.contains(protocol)) {
        return false;
      }
    }
    return true;
  }

  /** ValidateGateway and validateServer. */
  static void gateway(JsonNode spec, FieldErrors errors) {
    JsonNode servers = spec.path("servers");
    if (servers.isEmpty()) {
      errors.required("spec.servers", "gateway must have at least one server");
    }
    Set<String> portNames = new HashSet<>();
    for (int i = 0; i < servers.size(); i++) {
      JsonNode server = servers.get(i);
      String field = "spec.servers[" + i + "]";
      JsonNode hosts = server.path("hosts");
      if (hosts.isEmpty()) {
        errors.required(field + ".hosts", "server config must contain at least one host");
      }
      for (int h = 0; h < hosts.size(); h++) {
        namespaceSlashHost(field + ".hosts[" + h + "]", hosts.get(h).asText(), false, errors);
      }
      JsonNode port = server.path("port");
      String protocol = port.path("protocol").asText();
      IstioNames.protocol(field + ".port.protocol", protocol, errors);
      IstioNames.port(field + ".port.number", port.path("number"), errors);
      String name = port.path("name").asText();
      if (!portNames.add(name)) {
        errors.duplicate(field + ".port.name", name);
      }
      String mode = server.path("tls").path("mode").asText("");
      if (mode.equals("AUTO_PASSTHROUGH") && !protocol.equalsIgnoreCase("TLS")) {
        errors.invalid(field + ".tls.mode", mode, "AUTO_PASSTHROUGH is only valid on TLS ports");
      }
      if (TLS_PROTOCOLS.contains(protocol.toUpperCase()) && !server.has("tls")) {
        errors.required(field + ".tls", "server must have TLS settings for HTTPS/TLS protocols");
      }
    }
    IstioNames.labels("spec.selector", spec.path("selector"), errors);
  }

  /** ValidateSidecar: egress hosts of the form namespace/host, ingress ports, selector labels. */
  static void sidecar(JsonNode spec, FieldErrors errors) {
    JsonNode egress = spec.path("egress");
    for (int i = 0; i < egress.size(); i++) {
      JsonNode hosts = egress.get(i).path("hosts");
      String field = "spec.egress[" + i + "].hosts";
      if (hosts.isEmpty()) {
        errors.required(field, "sidecar: egress listener must contain at least one host");
      }
      for (int h = 0; h < hosts.size(); h++) {
        namespaceSlashHost(field + "[" + h + "]", hosts.get(h).asText(), true, errors);
      }
    }
    JsonNode ingress = spec.path("ingress");
    for (int i = 0; i < ingress.size(); i++) {
      JsonNode port = ingress.get(i).path("port");
      String field = "spec.ingress[" + i + "].port";
      IstioNames.port(field + ".number", port.path("number"), errors);
      IstioNames.protocol(field + ".protocol", port.path("protocol").asText(), errors);
      if (port.has("name")) {
        IstioNames.portName(field + ".name", port.path("name").asText(), errors);
      }
    }
    IstioNames.labels(
        "spec.workloadSelector.labels", spec.path("workloadSelector").path("labels"), errors);
  }

  /**
   * validateNamespaceSlashWildcardHostname: {@code [namespace/]host}, the namespace {@code *},
   * {@code .}, {@code ~} or a namespace name; a Sidecar must name the namespace.
   */
  private static void namespaceSlashHost(
      String field, String value, boolean namespaceRequired, FieldErrors errors) {
    List<String> parts = List.of(value.split("/", -1));
    if (parts.size() > 2 || (namespaceRequired && parts.size() != 2)) {
      errors.invalid(field, value, "host must be of form namespace/dnsName");
      return;
    }
    if (parts.size() == 2) {
      String namespace = parts.get(0);
      if (!Set.of("*", ".", "~").contains(namespace) && !IstioNames.isDns1123Label(namespace)) {
        errors.invalid(field, value, "invalid namespace \"" + namespace + "\" in host");
      }
    }
    IstioNames.wildcardDomain(field, parts.get(parts.size() - 1), errors);
  }
}
