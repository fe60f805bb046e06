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
import java.util.regex.Pattern;

/**
 * An ExternalService's objects in one cluster of its workspace, in the control plane's namespace: a
 * MESH_EXTERNAL ServiceEntry for its hosts (its ExternalEndpoints as endpoints, or, with none, the
 * hosts resolved by DNS), and, where a port has clientsideTls, a DestinationRule per host that
 * originates TLS there (SIMPLE, the host as SNI): the client speaks plaintext HTTP to that port.
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
  private static final Pattern IP_ADDRESS =
      Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|[0-9a-fA-F:]*:[0-9a-fA-F:.]*");

  static String entryName(ObjectId es) {
    return Manifests.objectName("es-" + es.name() + "-" + es.namespace());
  }

  static String ruleName(String host) {
    return Manifests.objectName("es-" + host);
  }

  List<Output> outputs() {
    List<Output> outputs = new ArrayList<>(List.of(serviceEntry()));
    if (es.ports().stream().anyMatch(Port::clientsideTls)) {
      es.hosts().forEach(host -> outputs.add(destinationRule(host)));
    }
    return outputs;
  }

  private Output serviceEntry() {
    ObjectNode spec = Manifests.objectNode();
    spec.set("hosts", Manifests.strings(es.hosts()));
    spec.put("location", "MESH_EXTERNAL");
    ArrayNode ports = spec.putArray("ports");
    for (Port port : es.ports()) {
      ObjectNode entry = ports.addObject();
      entry.put("number", port.number());
      entry.put("name", portName(port));
      entry.put("protocol", protocol(port));
      if (endpoints.isEmpty() && numeric(port.targetPort())) {
        entry.put("targetPort", Integer.parseInt(port.targetPort()));
      }
    }
    spec.set("exportTo", Manifests.strings(List.copyOf(clients)));
    if (endpoints.isEmpty()) {
      spec.put("resolution", "DNS");
    } else {
      boolean ips = endpoints.stream().allMatch(e -> IP_ADDRESS.matcher(e.address()).matches());
      spec.put("resolution", ips ? "STATIC" : "DNS");
      ArrayNode list = spec.putArray("endpoints");
      endpoints.forEach(endpoint -> endpoint(list.addObject(), endpoint));
    }
    return output(
        SERVICE_ENTRY,
        entryName(es.id()),
        spec,
        endpoints.isEmpty()
            ? "its hosts, resolved by DNS, outside the mesh"
            : "its " + endpoints.size() + " ExternalEndpoint(s), outside the mesh");
  }

  private void endpoint(ObjectNode entry, ExternalEndpointInput endpoint) {
    entry.put("address", endpoint.address());
    ObjectNode ports = entry.putObject("ports");
    for (Port port : es.ports()) {
      ports.put(portName(port), endpointPort(port, endpoint));
    }
  }

  /** The endpoint's port a service port goes to: by targetPort's name or number, else its own. */
  private static int endpointPort(Port port, ExternalEndpointInput endpoint) {
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
      tls.put("sni", host);
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
                es.hosts().get(0)),
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
        kind.equals(SERVICE_ENTRY) ? es.hosts().get(0) : null,
        es.id().cluster(),
        "ExternalService " + es.id().ref() + ": " + reason);
  }
}
