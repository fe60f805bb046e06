package dev.meshfed.translation.translate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshfed.translation.model.EastWestGatewayInput;
import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.model.ServiceInput;
import dev.meshfed.translation.model.ServicePortInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The ServiceEntries of one federated service: a remote one in every other target cluster, whose
 * endpoint is the owner's east-west gateway, and a local one in the owner's cluster that selects
 * its workloads so the gateway can route SNI traffic to them.
 *
 * @param importers the workspaces importing the service
 * @param warnings where what the entries cannot express is reported
 */
record ServiceEntries(
    ServiceInput service,
    ServiceFederation.Federated federated,
    List<WorkspacePlan> importers,
    MeshInputs inputs,
    Consumer<String> warnings) {

  static final String SERVICE_ENTRY = "ServiceEntry";

  String host() {
    return ServiceFederation.host(service, federated.plan().hostSuffix());
  }

  /**
   * Where an entry goes: the owner's local entry into the service's own namespace, because a
   * ServiceEntry's workloadSelector only selects pods of its own namespace; remote entries into the
   * control plane's.
   */
  String namespaceIn(ClusterMesh target) {
    return target.cluster().equals(service.id().cluster())
        ? service.id().namespace()
        : target.namespace();
  }

  Output remote(
      ClusterMesh target,
      EastWestGatewayInput gateway,
      ClusterMesh.Endpoint at,
      List<ServicePortInput> ports,
      SortedMap<String, Map<String, String>> served) {
    ObjectNode spec = commonSpec(ports, consumers(target.cluster()));
    boolean ip = IpAddresses.isIp(at.address());
    spec.put("resolution", ip ? "STATIC" : "DNS");
    ArrayNode endpoints = spec.putArray("endpoints");
    String owner = service.id().cluster();
    String network = ClusterMesh.network(inputs, gateway);
    gatewayEndpoint(endpoints, at, ports, network, Map.of());
    // the gateway once more per subset the owner's pods serve: Envoy keeps one host per address in
    // the host's cluster, and each subset's cluster keeps those with its labels
    served.values().forEach(labels -> gatewayEndpoint(endpoints, at, ports, network, labels));
    List<ObjectId> sources =
        withImporters(target, service.id(), gateway.id(), target.controlPlane().id());
    at.node().ifPresent(sources::add);
    return output(
        target,
        spec,
        sources,
        "workspace "
            + workspace().name()
            + " federates "
            + service.id().ref()
            + " into cluster "
            + target.cluster()
            + importedBy(target.cluster())
            + " through the east-west gateway "
            + at.address()
            + ":"
            + at.port()
            + at.node().map(node -> " (node " + node.name() + ")").orElse(""));
  }

  private void gatewayEndpoint(
      ArrayNode endpoints,
      ClusterMesh.Endpoint at,
      List<ServicePortInput> ports,
      String network,
      Map<String, String> subset) {
    ObjectNode endpoint = endpoints.addObject();
    endpoint.put("address", at.address());
    ObjectNode endpointPorts = endpoint.putObject("ports");
    ports.forEach(p -> endpointPorts.put(Protocols.portName(p), at.port()));
    endpoint.put("network", network);
    // tlsMode istio makes the client's auto-mTLS send Istio mTLS (with the SNI the owner's
    // AUTO_PASSTHROUGH listener routes by); without it the client sends plaintext, which that
    // listener closes
    Map<String, String> labels = new TreeMap<>(subset);
    labels.put("topology.istio.io/cluster", service.id().cluster());
    labels.put("security.istio.io/tlsMode", "istio");
    endpoint.set("labels", Manifests.stringMap(labels));
  }

  /**
   * The entry the owner's east-west gateway routes SNI traffic by: exported to the gateway's
   * namespace (it builds SNI clusters only for services it sees) and to the local consumers, by
   * name (a "." next to its own namespace's name would be a duplicate Istio rejects).
   */
  Output local(ClusterMesh owner, List<ServicePortInput> ports) {
    SortedSet<String> consumers = new TreeSet<>(consumers(owner.cluster()));
    consumers.add(owner.gateway().id().namespace());
    ObjectNode spec = commonSpec(ports, consumers);
    addTargetPorts(spec, ports);
    spec.put("resolution", "STATIC");
    spec.putObject("workloadSelector").set("labels", Manifests.stringMap(service.selector()));
    List<ObjectId> sources =
        withImporters(owner, service.id(), owner.gateway().id(), owner.controlPlane().id());
    return output(
        owner,
        spec,
        sources,
        "workspace "
            + workspace().name()
            + " exposes "
            + service.id().ref()
            + " to the other clusters through the east-west gateway "
            + owner.gateway().id().namespace()
            + "/"
            + owner.gateway().id().name());
  }

  private WorkspacePlan workspace() {
    return federated.workspace();
  }

  private ObjectNode commonSpec(List<ServicePortInput> ports, SortedSet<String> exportTo) {
    ObjectNode spec = Manifests.objectNode();
    spec.set("hosts", Manifests.strings(List.of(host())));
    spec.put("location", "MESH_INTERNAL");
    ArrayNode portList = spec.putArray("ports");
    for (ServicePortInput port : ports) {
      ObjectNode entry = portList.addObject();
      entry.put("number", port.port());
      entry.put("name", Protocols.portName(port));
      entry.put("protocol", Protocols.of(port));
    }
    spec.set("exportTo", Manifests.strings(List.copyOf(exportTo)));
    return spec;
  }

  /**
   * The local entry selects the workloads themselves: where a Service maps its port to another
   * numeric container port, the entry must say so, or the gateway sends traffic to the wrong port.
   */
  private void addTargetPorts(ObjectNode spec, List<ServicePortInput> ports) {
    for (int i = 0; i < ports.size(); i++) {
      ServicePortInput port = ports.get(i);
      String target = port.targetPort();
      if (target == null || target.isEmpty() || target.equals(String.valueOf(port.port()))) {
        continue;
      }
      if (target.chars().allMatch(Character::isDigit)) {
        ((ObjectNode) spec.get("ports").get(i)).put("targetPort", Integer.parseInt(target));
      } else {
        warnings.accept(
            "port "
                + port.port()
                + " targets the named container port '"
                + target
                + "', which the local ServiceEntry cannot express; the workloads must listen on "
                + port.port());
      }
    }
  }

  private Output output(
      ClusterMesh target, ObjectNode spec, List<ObjectId> sources, String reason) {
    String apiVersion = target.networkingApiVersion();
    String name = Manifests.objectName(host());
    String owner = service.id().cluster();
    String namespace = namespaceIn(target);
    ObjectNode manifest =
        Manifests.object(
            apiVersion,
            SERVICE_ENTRY,
            namespace,
            name,
            Map.of(
                Manifests.WORKSPACE_LABEL,
                workspace().name(),
                Manifests.SOURCE_CLUSTER_LABEL,
                owner),
            Map.of(
                Manifests.SOURCES_ANNOTATION,
                Manifests.sources(sources),
                Manifests.HOST_ANNOTATION,
                host()),
            spec);
    return new Output(
        target.cluster(),
        apiVersion,
        SERVICE_ENTRY,
        namespace,
        name,
        manifest,
        workspace().name(),
        sources.stream().sorted().toList(),
        host(),
        owner,
        reason);
  }

  /** The namespaces of a cluster that may use the service: its workspace's and importers'. */
  private SortedSet<String> consumers(String cluster) {
    return ServiceRules.clients(cluster, workspace(), importers);
  }

  /** The importing workspaces that hold namespaces in a cluster. */
  private List<WorkspacePlan> importersIn(String cluster) {
    return importers.stream()
        .filter(importer -> importer.namespacesByCluster().containsKey(cluster))
        .toList();
  }

  /**
   * The inputs an entry derives from: the given ones, the workspace and its settings, and the
   * workspaces importing it there and their settings.
   */
  private List<ObjectId> withImporters(ClusterMesh target, ObjectId... sources) {
    List<ObjectId> all = new ArrayList<>(List.of(sources));
    all.add(workspace().workspace().id());
    all.add(federated.plan().settings().id());
    for (WorkspacePlan importer : importersIn(target.cluster())) {
      all.add(importer.workspace().id());
      importer.settings().ifPresent(settings -> all.add(settings.id()));
    }
    return all;
  }

  private String importedBy(String cluster) {
    List<String> names = importersIn(cluster).stream().map(WorkspacePlan::name).toList();
    return names.isEmpty() ? "" : " (imported by workspace " + String.join(", ", names) + ")";
  }
}
