package dev.meshfed.translation.translate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshfed.translation.model.ControlPlaneInput;
import dev.meshfed.translation.model.EastWestGatewayInput;
import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.model.ServiceInput;
import dev.meshfed.translation.model.ServicePortInput;
import dev.meshfed.translation.translate.Diagnostic.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Workspace-level federation of one Service: a ServiceEntry for its global host in every other
 * cluster of the workspace (endpoint: the owner's east-west gateway), and one in its own cluster
 * that selects its workloads so the gateway can route SNI traffic to them.
 */
final class ServiceFederation {

  static final String SERVICE_ENTRY = "ServiceEntry";
  private static final Pattern IP_ADDRESS =
      Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|[0-9a-fA-F:]*:[0-9a-fA-F:.]*");

  private final ServiceInput service;
  private final MeshInputs inputs;
  private final WorkspacePlan workspace;
  private final FederationPlan plan;
  private final List<Output> outputs = new ArrayList<>();
  private final List<Diagnostic> diagnostics = new ArrayList<>();

  private ServiceFederation(
      ServiceInput service, MeshInputs inputs, WorkspacePlan workspace, FederationPlan plan) {
    this.service = service;
    this.inputs = inputs;
    this.workspace = workspace;
    this.plan = plan;
  }

  static UnitResult translate(ServiceInput service, MeshInputs inputs, Membership membership) {
    ObjectId id = service.id();
    Optional<WorkspacePlan> workspace = membership.workspaceOf(id.cluster(), id.namespace());
    Optional<FederationPlan> plan = workspace.flatMap(WorkspacePlan::federation);
    if (plan.isEmpty() || !plan.get().selects(service)) {
      return UnitResult.EMPTY;
    }
    return new ServiceFederation(service, inputs, workspace.get(), plan.get()).run();
  }

  static String host(ServiceInput service, String hostSuffix) {
    ObjectId id = service.id();
    return id.name() + "." + id.namespace() + ".svc." + id.cluster() + "." + hostSuffix;
  }

  private UnitResult run() {
    String owner = service.id().cluster();
    Optional<EastWestGatewayInput> gateway = ClusterMesh.gateway(inputs, owner);
    if (gateway.isEmpty()) {
      warn(
          "cluster "
              + owner
              + " has no east-west gateway with an address and a port named tls, so "
              + host()
              + " cannot be reached from other clusters");
      return result();
    }
    List<ServicePortInput> ports = federatedPorts();
    if (ports.isEmpty()) {
      warn("the service has no TCP port to federate");
      return result();
    }
    for (String target : workspace.namespacesByCluster().keySet()) {
      Optional<ControlPlaneInput> controlPlane = ClusterMesh.controlPlane(inputs, target);
      if (controlPlane.isEmpty()) {
        warn(
            "cluster "
                + target
                + " has no Istio control plane; "
                + host()
                + " is not placed there");
      } else if (target.equals(owner)) {
        addLocalEntry(new ClusterMesh(target, controlPlane.get(), gateway.get()), ports);
      } else {
        addRemoteEntry(new ClusterMesh(target, controlPlane.get(), null), gateway.get(), ports);
      }
    }
    return result();
  }

  private void addRemoteEntry(
      ClusterMesh target, EastWestGatewayInput gateway, List<ServicePortInput> ports) {
    ObjectNode spec = commonSpec(ports, consumers(target.cluster()));
    boolean ip = IP_ADDRESS.matcher(gateway.address()).matches();
    spec.put("resolution", ip ? "STATIC" : "DNS");
    ObjectNode endpoint = spec.putArray("endpoints").addObject();
    endpoint.put("address", gateway.address());
    ObjectNode endpointPorts = endpoint.putObject("ports");
    ports.forEach(p -> endpointPorts.put(Protocols.portName(p), gateway.tlsPort()));
    String owner = service.id().cluster();
    endpoint.put("network", gateway.network() != null ? gateway.network() : owner);
    endpoint.set("labels", Manifests.stringMap(Map.of("topology.istio.io/cluster", owner)));
    List<ObjectId> sources =
        List.of(
            service.id(),
            gateway.id(),
            workspace.workspace().id(),
            plan.settings().id(),
            target.controlPlane().id());
    add(
        target,
        spec,
        sources,
        "workspace "
            + workspace.name()
            + " federates "
            + service.id().ref()
            + " into cluster "
            + target.cluster()
            + " through the east-west gateway "
            + gateway.address()
            + ":"
            + gateway.tlsPort());
  }

  private void addLocalEntry(ClusterMesh owner, List<ServicePortInput> ports) {
    if (service.selector().isEmpty()) {
      warn("the service has no selector, so the east-west gateway cannot reach its workloads");
      return;
    }
    SortedSet<String> consumers = new TreeSet<>(consumers(owner.cluster()));
    consumers.add(owner.gateway().id().namespace());
    ObjectNode spec = commonSpec(ports, consumers);
    addTargetPorts(spec, ports);
    spec.put("resolution", "STATIC");
    spec.putObject("workloadSelector").set("labels", Manifests.stringMap(service.selector()));
    List<ObjectId> sources =
        List.of(
            service.id(),
            owner.gateway().id(),
            workspace.workspace().id(),
            plan.settings().id(),
            owner.controlPlane().id());
    add(
        owner,
        spec,
        sources,
        "workspace "
            + workspace.name()
            + " exposes "
            + service.id().ref()
            + " to the other clusters through the east-west gateway "
            + owner.gateway().id().namespace()
            + "/"
            + owner.gateway().id().name());
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
        warn(
            "port "
                + port.port()
                + " targets the named container port '"
                + target
                + "', which the local ServiceEntry cannot express; the workloads must listen on "
                + port.port());
      }
    }
  }

  private void add(ClusterMesh target, ObjectNode spec, List<ObjectId> sources, String reason) {
    String apiVersion = target.networkingApiVersion();
    String name = Manifests.objectName(host());
    String owner = service.id().cluster();
    ObjectNode manifest =
        Manifests.object(
            apiVersion,
            SERVICE_ENTRY,
            target.namespace(),
            name,
            Map.of(
                Manifests.WORKSPACE_LABEL, workspace.name(), Manifests.SOURCE_CLUSTER_LABEL, owner),
            Map.of(
                Manifests.SOURCES_ANNOTATION,
                Manifests.sources(sources),
                Manifests.HOST_ANNOTATION,
                host()),
            spec);
    outputs.add(
        new Output(
            target.cluster(),
            apiVersion,
            SERVICE_ENTRY,
            target.namespace(),
            name,
            manifest,
            workspace.name(),
            sources.stream().sorted().toList(),
            host(),
            owner,
            reason));
  }

  private SortedSet<String> consumers(String cluster) {
    return workspace.namespacesByCluster().get(cluster);
  }

  /** Istio does not carry UDP between clusters; SCTP neither. */
  private List<ServicePortInput> federatedPorts() {
    return service.ports().stream()
        .filter(p -> p.protocol() == null || "TCP".equalsIgnoreCase(p.protocol()))
        .toList();
  }

  private String host() {
    return host(service, plan.hostSuffix());
  }

  private void warn(String message) {
    diagnostics.add(new Diagnostic(service.id(), Severity.WARNING, message));
  }

  private UnitResult result() {
    return new UnitResult(outputs, diagnostics);
  }
}
