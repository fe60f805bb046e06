package dev.meshfed.translation.translate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshfed.translation.model.ExternalEndpointInput;
import dev.meshfed.translation.model.ExternalServiceInput;
import dev.meshfed.translation.model.ExternalServiceInput.Port;
import dev.meshfed.translation.model.ObjectId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;

/**
 * An ExternalService's objects in one cluster of its workspace, in the control plane's namespace: a
 * MESH_EXTERNAL ServiceEntry for its hosts and addresses (its ExternalEndpoints as endpoints; with
 * none, the hosts resolved by DNS, or, where it names addresses, each connection sent on to the
 * address it was made to), and, where a port has clientsideTls, a DestinationRule per host that
 * originates TLS there (SIMPLE): the client speaks plaintext HTTP to that port.
 */
record ExternalServiceObjects(
    ExternalServiceInput es,
    WorkspacePlan workspace,
    ClusterMesh consumer,
    List<ExternalEndpointInput> endpoints,
    SortedSet<String> clients,
    List<ObjectId> sources) {

  static final String SERVICE_ENTRY = "ServiceEntry";
  static final String DESTINATION_RULE = "DestinationRule";

  static String entryName(ObjectId es) {
    return Manifests.objectName("es-" + es.name() + "-" + es.namespace());
  }

  /**
   * Its hosts; one known by addresses only gets one of its own, since Istio requires a host on
   * every ServiceEntry and keys DestinationRules by host: {@code <name>.<namespace>.external}.
   */
  static List<String> hosts(ExternalServiceInput es) {
    if (!es.hosts().isEmpty()) {
      return es.hosts();
    }
    return List.of(es.id().name() + "." + es.id().namespace() + ".external");
  }

  /**
   * Without ExternalEndpoints, addresses that are all single IPs are its endpoints (STATIC: each
   * port mapped by its targetPort, a connection to any of them balanced across them as for any
   * service); with a CIDR block, NONE: the proxy sends a connection on to the address and port it
   * was made to (an original-destination cluster; Istio allows CIDR blocks only with NONE or
   * STATIC, and STATIC endpoints must be IPs).
   */
  static String resolution(ExternalServiceInput es, List<ExternalEndpointInput> endpoints) {
    if (endpoints.isEmpty()) {
      if (es.addresses().isEmpty()) {
        return "DNS";
      }
      return es.addresses().stream().anyMatch(IpAddresses::isCidr) ? "NONE" : "STATIC";
    }
    return endpoints.stream().allMatch(e -> IpAddresses.isIp(e.address())) ? "STATIC" : "DNS";
  }

  /** The addresses of a service known by single addresses, as its endpoints. */
  static List<ExternalEndpointInput> addressEndpoints(ExternalServiceInput es) {
    return es.addresses().stream()
        .map(a -> new ExternalEndpointInput(es.id(), a, List.of(), Map.of(), null, List.of()))
        .toList();
  }

  static String ruleName(String host) {
    return Manifests.objectName("es-" + host);
  }

  List<Output> outputs() {
    List<Output> outputs = new ArrayList<>(List.of(serviceEntry()));
    if (es.ports().stream().anyMatch(Port::clientsideTls)) {
      hosts(es).forEach(host -> outputs.add(destinationRule(host)));
    }
    return outputs;
  }

  private Output serviceEntry() {
    ObjectNode spec = Manifests.objectNode();
    spec.set("hosts", Manifests.strings(hosts(es)));
    if (!es.addresses().isEmpty()) {
      spec.set("addresses", Manifests.strings(es.addresses()));
    }
    spec.put("location", "MESH_EXTERNAL");
    String resolution = resolution(es, endpoints);
    ArrayNode ports = spec.putArray("ports");
    for (Port port : es.ports()) {
      ObjectNode entry = ports.addObject();
      entry.put("number", port.number());
      entry.put("name", portName(port));
      entry.put("protocol", protocol(port));
      if (resolution.equals("DNS") && endpoints.isEmpty() && numeric(port.targetPort())) {
        entry.put("targetPort", Integer.parseInt(port.targetPort()));
      }
    }
    spec.set("exportTo", Manifests.strings(List.copyOf(clients)));
    spec.put("resolution", resolution);
    List<ExternalEndpointInput> written =
        endpoints.isEmpty() && resolution.equals("STATIC") ? addressEndpoints(es) : endpoints;
    if (!written.isEmpty()) {
      ArrayNode list = spec.putArray("endpoints");
      written.forEach(endpoint -> endpoint(list.addObject(), endpoint));
    }
    return output(
        SERVICE_ENTRY,
        entryName(es.id()),
        spec,
        endpoints.isEmpty()
            ? es.addresses().isEmpty()
                ? "its hosts, resolved by DNS, outside the mesh"
                : "its addresses, outside the mesh"
            : "its " + endpoints.size() + " ExternalEndpoint(s), outside the mesh");
  }

  private void endpoint(ObjectNode entry, ExternalEndpointInput endpoint) {
    entry.put("address", endpoint.address());
    ObjectNode ports = entry.putObject("ports");
    for (Port port : es.ports()) {
      ports.put(portName(port), endpointPort(port, endpoint));
    }
    if (endpoint.locality() != null) {
      entry.put("locality", endpoint.locality());
    }
  }

  /** The endpoint's port a service port goes to: by targetPort's name or number, else its own. */
  static int endpointPort(Port port, ExternalEndpointInput endpoint) {
    String target = port.targetPort();
    if (numeric(target)) {
      return Integer.parseInt(target);
    }
    Optional<Integer> named =
        endpoint.ports().stream()
            .filter(p -> p.number() != null)
            .filter(
                p ->
                    target != null
                        ? target.equals(p.name())
                        : port.number().equals(p.number())
                            || port.name() != null && port.name().equals(p.name()))
            .map(ExternalEndpointInput.Port::number)
            .findFirst();
    return named.orElse(port.number());
  }

  private Output destinationRule(String host) {
    ObjectNode spec = Manifests.objectNode();
    spec.put("host", host);
    spec.set("exportTo", Manifests.strings(List.copyOf(clients)));
    ArrayNode settings = spec.putObject("trafficPolicy").putArray("portLevelSettings");
    for (Port port : es.ports()) {
      if (!port.clientsideTls()) {
        continue;
      }
      ObjectNode setting = settings.addObject();
      setting.putObject("port").put("number", port.number());
      ObjectNode tls = setting.putObject("tls");
      tls.put("mode", "SIMPLE");
      sni(host).ifPresent(name -> tls.put("sni", name));
      if (!es.subjectAltNames().isEmpty()) {
        tls.set("subjectAltNames", Manifests.strings(es.subjectAltNames()));
      }
    }
    return output(
        DESTINATION_RULE,
        ruleName(host),
        spec,
        "the clients' proxies originate TLS to " + host + " on its clientsideTls ports");
  }

  /**
   * The server name TLS is originated with: the host it was called by; for a service known by
   * addresses only (its host is meshfed's), the first DNS name among its subjectAltNames, else none
   * (SNI cannot carry an IP address).
   */
  private Optional<String> sni(String host) {
    if (!es.hosts().isEmpty()) {
      return Optional.of(host);
    }
    return ExternalServiceCheck.sniCandidate(es);
  }

  /** Clients speak plaintext HTTP where the proxy originates TLS. */
  static String protocol(Port port) {
    if (port.clientsideTls()) {
      return "HTTP";
    }
    return port.protocol() == null ? "TCP" : port.protocol().toUpperCase();
  }

  static String portName(Port port) {
    return port.name() != null && !port.name().isEmpty()
        ? port.name()
        : protocol(port).toLowerCase() + "-" + port.number();
  }

  private static boolean numeric(String value) {
    return value != null && !value.isEmpty() && value.chars().allMatch(Character::isDigit);
  }

  private Output output(String kind, String name, ObjectNode spec, String reason) {
    String apiVersion = consumer.networkingApiVersion();
    String namespace = consumer.namespace();
    List<ObjectId> provenance = sources.stream().sorted().distinct().toList();
    ObjectNode manifest =
        Manifests.object(
            apiVersion,
            kind,
            namespace,
            name,
            Map.of(
                Manifests.WORKSPACE_LABEL,
                workspace.name(),
                Manifests.SOURCE_CLUSTER_LABEL,
                es.id().cluster()),
            Map.of(
                Manifests.SOURCES_ANNOTATION,
                Manifests.sources(provenance),
                Manifests.HOST_ANNOTATION,
                hosts(es).get(0)),
            spec);
    return new Output(
        consumer.cluster(),
        apiVersion,
        kind,
        namespace,
        name,
        manifest,
        workspace.name(),
        provenance,
        kind.equals(SERVICE_ENTRY) ? hosts(es).get(0) : null,
        es.id().cluster(),
        "ExternalService " + es.id().ref() + ": " + reason);
  }
}
