package dev.meshfed.oracle.istio;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Istio's webhook rules for VirtualServices (pkg/config/validation ValidateVirtualService, 1.11 and
 * 1.24): hosts, gateways, that some route is given, each HTTP route ({@link HttpRouteRules}), TCP
 * and TLS routes, destinations and exportTo. Weights changed in 1.15 (istio/istio#39544, after
 * istio/api#2192): before, each is a percentage (0–100) and several must add up to 100; from 1.15
 * any weight ≥ 0 goes, only several adding up to 0 is refused.
 */
final class VirtualServiceRules {

  /** The first minor release whose weights are relative (validateWeight). */
  static final int RELATIVE_WEIGHTS = 15;

  private VirtualServiceRules() {}

  static void virtualService(JsonNode spec, String namespace, int minor, FieldErrors errors) {
    JsonNode hosts = spec.path("hosts");
    List<String> gateways = strings(spec.path("gateways"));
    if (hosts.isEmpty()) {
      delegate(spec, errors);
    }
    gatewayNames("spec.gateways", spec.path("gateways"), errors);
    boolean appliesToMesh = gateways.isEmpty() || gateways.contains("mesh");
    boolean allValid = true;
    for (int i = 0; i < hosts.size(); i++) {
      String host = hosts.get(i).asText();
      String field = "spec.hosts[" + i + "]";
      FieldErrors probe = new FieldErrors();
      IstioNames.wildcardDomain(field, host, probe);
      if (!probe.isEmpty() && !IstioNames.isIpAddress(host)) {
        errors.addAll(probe);
        allValid = false;
      } else if (probe.isEmpty() && appliesToMesh && host.equals("*")) {
        errors.invalid(
            field,
            host,
            "wildcard host * is not allowed for virtual services bound to the mesh gateway");
        allValid = false;
      }
    }
    if (allValid) {
      duplicateHosts(hosts, errors);
    }
    if (spec.path("http").isEmpty() && spec.path("tcp").isEmpty() && spec.path("tls").isEmpty()) {
      errors.required("spec", "http, tcp or tls must be provided in virtual service");
    }
    JsonNode http = spec.path("http");
    for (int i = 0; i < http.size(); i++) {
      HttpRouteRules.httpRoute("spec.http[" + i + "]", http.get(i), hosts.isEmpty(), minor, errors);
    }
    JsonNode tcp = spec.path("tcp");
    for (int i = 0; i < tcp.size(); i++) {
      l4Route("spec.tcp[" + i + "]", tcp.get(i), false, minor, errors);
    }
    JsonNode tls = spec.path("tls");
    for (int i = 0; i < tls.size(); i++) {
      l4Route("spec.tls[" + i + "]", tls.get(i), true, minor, errors);
    }
    IstioNames.exportTo("spec.exportTo", spec.path("exportTo"), namespace, false, errors);
  }

  /** A VirtualService without hosts is a delegate: no gateways, TLS or TCP routes of its own. */
  private static void delegate(JsonNode spec, FieldErrors errors) {
    if (!spec.path("gateways").isEmpty()) {
      errors.forbidden("spec.gateways", "delegate virtual service must have no gateways specified");
    }
    if (!spec.path("tls").isEmpty()) {
      errors.forbidden("spec.tls", "delegate virtual service must have no tls route specified");
    }
    if (!spec.path("tcp").isEmpty()) {
      errors.forbidden("spec.tcp", "delegate virtual service must have no tcp route specified");
    }
  }

  /** Hosts that overlap (host.Name.Matches), {@code *.foo.com} and {@code a.foo.com} say. */
  private static void duplicateHosts(JsonNode hosts, FieldErrors errors) {
    for (int i = 0; i < hosts.size(); i++) {
      for (int j = i + 1; j < hosts.size(); j++) {
        if (overlap(hosts.get(i).asText(), hosts.get(j).asText())) {
          errors.invalid(
              "spec.hosts[" + j + "]",
              hosts.get(j).asText(),
              "duplicate hosts in virtual service: " + hosts.get(i).asText());
        }
      }
    }
  }

  private static boolean overlap(String a, String b) {
    boolean wildA = a.startsWith("*");
    boolean wildB = b.startsWith("*");
    if (!wildA && !wildB) {
      return a.equals(b);
    }
    String suffixA = wildA ? a.substring(1) : a;
    String suffixB = wildB ? b.substring(1) : b;
    return wildA && suffixB.endsWith(suffixA) || wildB && suffixA.endsWith(suffixB);
  }

  /** validateGatewayNames: {@code namespace/name} of DNS labels, or a (legacy) FQDN. */
  static void gatewayNames(String field, JsonNode gateways, FieldErrors errors) {
    for (int i = 0; i < gateways.size(); i++) {
      String gateway = gateways.get(i).asText();
      String at = field + "[" + i + "]";
      String[] parts = gateway.split("/", 2);
      if (parts.length != 2) {
        if (!IstioNames.isFqdn(gateway)) {
          errors.invalid(at, gateway, "invalid gateway name");
        }
        continue;
      }
      if (parts[0].isEmpty() || parts[1].isEmpty()) {
        errors.invalid(at, gateway, "config namespace and gateway name cannot be empty");
      } else if (!IstioNames.isDns1123Label(parts[0])) {
        errors.invalid(at, gateway, "invalid value for namespace: \"" + parts[0] + "\"");
      } else if (!IstioNames.isDns1123Label(parts[1])) {
        errors.invalid(at, gateway, "invalid value for gateway name: \"" + parts[1] + "\"");
      }
    }
  }

  /** validateTCPRoute and validateTLSRoute: routes required, TLS matches with SNI hosts. */
  private static void l4Route(
      String field, JsonNode route, boolean tls, int minor, FieldErrors errors) {
    if (tls) {
      JsonNode matches = route.path("match");
      if (matches.isEmpty()) {
        errors.required(field + ".match", "TLS route must have at least one match condition");
      }
      for (int m = 0; m < matches.size(); m++) {
        if (matches.get(m).path("sniHosts").isEmpty()) {
          errors.required(
              field + ".match[" + m + "].sniHosts", "TLS match must have at least one SNI host");
        }
      }
    }
    if (route.path("route").isEmpty()) {
      errors.required(field + ".route", (tls ? "TLS" : "TCP") + " route is required");
    }
    destinations(field + ".route", route.path("route"), minor, errors);
  }

  /** validateHTTPRouteDestinations / validateRouteDestinations: hosts, subsets, ports, weights. */
  static void destinations(String field, JsonNode destinations, int minor, FieldErrors errors) {
    long total = 0;
    for (int i = 0; i < destinations.size(); i++) {
      JsonNode weighted = destinations.get(i);
      String at = field + "[" + i + "]";
      if (!weighted.has("destination")) {
        errors.required(at + ".destination", "destination is required");
      } else {
        destination(at + ".destination", weighted.path("destination"), errors);
      }
      int weight = weighted.path("weight").asInt(0);
      if (minor < RELATIVE_WEIGHTS && (weight < 0 || weight > 100)) {
        errors.invalid(at + ".weight", weight, "percentage " + weight + " is not in range 0..100");
      } else if (weight < 0) {
        errors.invalid(at + ".weight", weight, "weight " + weight + " < 0");
      }
      total += weight;
    }
    if (destinations.size() > 1 && minor < RELATIVE_WEIGHTS && total != 100) {
      errors.invalid(field, total, "total destination weight " + total + " != 100");
    } else if (destinations.size() > 1 && total == 0) {
      errors.invalid(field, total, "total destination weight = 0");
    }
  }

  /** validateDestination: a host that is not {@code *}, a subset name, a port number. */
  static void destination(String field, JsonNode destination, FieldErrors errors) {
    String host = destination.path("host").asText("");
    if (host.equals("*")) {
      errors.invalid(field + ".host", host, "invalid destination host *");
    } else {
      IstioNames.wildcardDomain(field + ".host", host, errors);
    }
    if (destination.has("subset")) {
      String subset = destination.path("subset").asText();
      if (!IstioNames.isDns1123Label(subset)) {
        errors.invalid(field + ".subset", subset, "subset name is invalid");
      }
    }
    if (destination.has("port")) {
      IstioNames.port(field + ".port.number", destination.path("port").path("number"), errors);
    }
  }

  static List<String> strings(JsonNode array) {
    return java.util.stream.StreamSupport.stream(array.spliterator(), false)
        .map(JsonNode::asText)
        .toList();
  }
}
