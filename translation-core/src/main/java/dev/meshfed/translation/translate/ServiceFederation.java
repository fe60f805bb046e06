package dev.meshfed.translation.translate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshfed.schema.DiscoveredKinds;
import dev.meshfed.translation.model.ControlPlaneInput;
import dev.meshfed.translation.model.EastWestGatewayInput;
import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.model.NamespaceInput;
import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.model.ServiceInput;
import dev.meshfed.translation.model.ServicePortInput;
import dev.meshfed.translation.model.WorkspaceInput;
import dev.meshfed.translation.model.WorkspaceSettingsInput;
import dev.meshfed.translation.translate.Diagnostic.Severity;
import dev.meshfed.translation.translate.Exclusion.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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
  private final List<WorkspacePlan> importers;
  private final Membership membership;
  private final List<Output> outputs = new ArrayList<>();
  private final List<Diagnostic> diagnostics = new ArrayList<>();

  /** The workspace whose federation plan covers a service. */
  record Federated(WorkspacePlan workspace, FederationPlan plan) {}

  /** What makes a service reachable from other clusters: its cluster's gateway, its TCP ports. */
  private record Reachable(
      EastWestGatewayInput gateway, ClusterMesh.Endpoint endpoint, List<ServicePortInput> ports) {}

  private ServiceFederation(
      ServiceInput service, MeshInputs inputs, Membership membership, Federated federated) {
    this.service = service;
    this.inputs = inputs;
    this.workspace = federated.workspace();
    this.plan = federated.plan();
    this.importers = ServiceSharing.importers(service, workspace, membership);
    this.membership = membership;
  }

  static UnitResult translate(ServiceInput service, MeshInputs inputs, Membership membership) {
    Decision<Federated> federated = federation(service, inputs, membership);
    if (!federated.isAllowed()) {
      return HostClaims.asDiagnostic(federated.exclusion());
    }
    return new ServiceFederation(service, inputs, membership, federated.allowed()).run();
  }

  /**
   * Whether a service's workspace federates it, and no older service claims its objects: the first
   * decision of {@link #translate}, and the one that makes a service count for its cluster's
   * gateway.
   */
  static Decision<Federated> federation(
      ServiceInput service, MeshInputs inputs, Membership membership) {
    Decision<Federated> federated = federationByWorkspace(service, membership);
    if (!federated.isAllowed()) {
      return federated;
    }
    Optional<Exclusion> conflict =
        HostClaims.conflict(service, federated.allowed(), inputs, membership);
    return conflict.isPresent() ? Decision.exclude(conflict::get) : federated;
  }

  /** Whether a service's workspace federates it, whatever other services claim. */
  static Decision<Federated> federationByWorkspace(ServiceInput service, Membership membership) {
    ObjectId id = service.id();
    Optional<Exclusion> removed = membership.removalExclusion(id.cluster(), id);
    if (removed.isPresent()) {
      return Decision.exclude(removed::get);
    }
    Optional<WorkspacePlan> workspace = membership.workspaceOf(id.cluster(), id.namespace());
    if (workspace.isEmpty()) {
      return Decision.exclude(
          () ->
              new Exclusion(
                  Rule.NOT_IN_WORKSPACE,
                  id,
                  "namespace "
                      + id.namespace()
                      + " of cluster "
                      + id.cluster()
                      + " belongs to no workspace"));
    }
    Optional<FederationPlan> plan = workspace.get().federation();
    if (plan.isEmpty()) {
      return Decision.exclude(
          () -> new Exclusion(Rule.FEDERATION_OFF, id, federationOff(workspace.get(), membership)));
    }
    if (!plan.get().selects(service)) {
      return Decision.exclude(
          () ->
              new Exclusion(
                  Rule.NOT_SELECTED,
                  id,
                  "options.federation.serviceSelector of "
                      + plan.get().settings().id().ref()
                      + " (workspace "
                      + workspace.get().name()
                      + ") does not select it"));
    }
    return Decision.allow(new Federated(workspace.get(), plan.get()));
  }

  /**
   * The first rule that keeps the service's entry named for host suffix {@code suffix} out of
   * namespace {@code namespace} of cluster {@code target}: the decisions {@link #translate} takes,
   * in its order. Empty when translation places it there.
   */
  static Optional<Exclusion> exclusion(
      ServiceInput service,
      String suffix,
      String target,
      String namespace,
      MeshInputs inputs,
      Membership membership) {
    Decision<Federated> federated = federation(service, inputs, membership);
    if (!federated.isAllowed()) {
      Exclusion exclusion = federated.exclusion();
      return Optional.of(
          exclusion.rule() == Rule.NOT_IN_WORKSPACE
              ? new Exclusion(
                  exclusion.rule(),
                  exclusion.subject(),
                  exclusion.message() + rejectedClaims(service.id(), inputs, membership))
              : exclusion);
    }
    return new ServiceFederation(service, inputs, membership, federated.allowed())
        .exclusion(suffix, target, namespace);
  }

  static String host(ServiceInput service, String hostSuffix) {
    ObjectId id = service.id();
    return id.name() + "." + id.namespace() + ".svc." + id.cluster() + "." + hostSuffix;
  }

  private UnitResult run() {
    if (plan.settings().isolates()) {
      UnitResult isolation = ServiceIsolation.translate(service, workspace, importers, inputs);
      outputs.addAll(isolation.outputs());
      diagnostics.addAll(isolation.diagnostics());
    }
    Decision<Reachable> reachable = reachability();
    if (!reachable.isAllowed()) {
      warn(reachable.exclusion().message());
      return result();
    }
    for (String target : targets()) {
      Decision<ClusterMesh> placement = placement(target, reachable.allowed());
      if (!placement.isAllowed()) {
        warn(placement.exclusion().message());
      } else if (target.equals(service.id().cluster())) {
        addLocalEntry(placement.allowed(), reachable.allowed().ports());
      } else {
        addRemoteEntry(placement.allowed(), reachable.allowed());
        TrafficPreconditions.unresolvable(inputs, target, host()).ifPresent(this::warn);
        TrafficPreconditions.refusedTrustDomain(inputs, service.id().cluster(), target)
            .ifPresent(this::warn);
      }
    }
    return result();
  }

  private Optional<Exclusion> exclusion(String suffix, String target, String namespace) {
    if (!plan.hostSuffix().equals(suffix)) {
      return Optional.of(
          new Exclusion(
              Rule.OTHER_HOST_SUFFIX,
              service.id(),
              "workspace "
                  + workspace.name()
                  + " federates it under host suffix "
                  + plan.hostSuffix()
                  + ", as "
                  + host()
                  + " (objects named "
                  + Manifests.objectName(host())
                  + ")"));
    }
    Decision<Reachable> reachable = reachability();
    if (!reachable.isAllowed()) {
      return reachable.exclusionIfAny();
    }
    Optional<Exclusion> removed = membership.removalExclusion(target, service.id());
    if (removed.isPresent()) {
      return removed;
    }
    if (!targets().contains(target)) {
      return Optional.of(
          new Exclusion(
              Rule.TARGET_NOT_IN_WORKSPACE,
              service.id(),
              "workspace "
                  + workspace.name()
                  + " has no namespace in cluster "
                  + target
                  + (importers.isEmpty()
                      ? " (its clusters: "
                      : ", nor has any workspace importing the service (their clusters: ")
                  + String.join(", ", targets())
                  + ")"));
    }
    Decision<ClusterMesh> placement = placement(target, reachable.allowed());
    if (!placement.isAllowed()) {
      return placement.exclusionIfAny();
    }
    String expected = entryNamespace(placement.allowed());
    if (!expected.equals(namespace)) {
      return Optional.of(
          new Exclusion(
              Rule.OTHER_NAMESPACE,
              service.id(),
              "its entry in cluster "
                  + target
                  + " goes to namespace "
                  + expected
                  + (target.equals(service.id().cluster())
                      ? " (the service's own, where a workloadSelector can select its pods)"
                      : " (the Istio control plane's)")));
    }
    return Optional.empty();
  }

  /**
   * The clusters the workspace or a workspace importing the service holds namespaces in: every one
   * gets an entry.
   */
  private SortedSet<String> targets() {
    return targets(workspace, importers);
  }

  static SortedSet<String> targets(WorkspacePlan workspace, List<WorkspacePlan> importers) {
    SortedSet<String> targets = new TreeSet<>(workspace.namespacesByCluster().keySet());
    importers.forEach(importer -> targets.addAll(importer.namespacesByCluster().keySet()));
    return targets;
  }

  /** The importing workspaces that hold namespaces in a cluster. */
  private List<WorkspacePlan> importersIn(String cluster) {
    return importers.stream()
        .filter(importer -> importer.namespacesByCluster().containsKey(cluster))
        .toList();
  }

  private Decision<Reachable> reachability() {
    String owner = service.id().cluster();
    Optional<EastWestGatewayInput> gateway =
        ClusterMesh.gateway(inputs, owner, plan.gatewaySelectors());
    if (gateway.isEmpty()) {
      return Decision.exclude(
          () ->
              new Exclusion(
                  Rule.NO_EAST_WEST_GATEWAY,
                  service.id(),
                  "cluster "
                      + owner
                      + " has no east-west gateway that other clusters can reach (a port named"
                      + " tls, and a load balancer address, or a nodePort and a ready node with"
                      + " an address)"
                      + (plan.gatewaySelectors().isEmpty()
                          ? ""
                          : " among those options.eastWestGateways of "
                              + plan.settings().id().ref()
                              + " selects")
                      + ", so "
                      + host()
                      + " cannot be reached from other clusters"));
    }
    List<ServicePortInput> ports = federatedPorts();
    if (ports.isEmpty()) {
      return Decision.exclude(() -> new Exclusion(Rule.NO_TCP_PORT, service.id(), noPortWhy()));
    }
    ClusterMesh.Endpoint endpoint = ClusterMesh.endpoint(inputs, gateway.get()).orElseThrow();
    return Decision.allow(new Reachable(gateway.get(), endpoint, ports));
  }

  /** Where in {@code target} the entry goes, if it can go there at all. */
  private Decision<ClusterMesh> placement(String target, Reachable reachable) {
    Optional<ControlPlaneInput> controlPlane = ClusterMesh.controlPlane(inputs, target);
    if (controlPlane.isEmpty()) {
      return Decision.exclude(
          () ->
              new Exclusion(
                  Rule.NO_CONTROL_PLANE,
                  service.id(),
                  "cluster "
                      + target
                      + " has no Istio control plane; "
                      + host()
                      + " is not placed there"));
    }
    boolean local = target.equals(service.id().cluster());
    if (local && service.selector().isEmpty()) {
      return Decision.exclude(
          () ->
              new Exclusion(
                  Rule.NO_SELECTOR,
                  service.id(),
                  "the service has no selector, so the east-west gateway cannot reach its workloads"));
    }
    return Decision.allow(
        new ClusterMesh(target, controlPlane.get(), local ? reachable.gateway() : null));
  }

  /** Why federation is off for a workspace, from the settings the resolver attached to it. */
  private static String federationOff(WorkspacePlan workspace, Membership membership) {
    if (workspace.settings().isEmpty()) {
      return "workspace "
          + workspace.name()
          + " has no WorkspaceSettings in its namespaces, so it federates nothing";
    }
    WorkspaceSettingsInput settings = workspace.settings().get();
    if (settings.federation() == null || !settings.federation().enabled()) {
      return "WorkspaceSettings "
          + settings.id().ref()
          + " of workspace "
          + workspace.name()
          + " do not enable options.federation";
    }
    return "WorkspaceSettings "
        + settings.id().ref()
        + " of workspace "
        + workspace.name()
        + " are invalid, so federation is off: "
        + membership.diagnostics().stream()
            .filter(d -> d.input().equals(settings.id()) && d.severity() == Severity.INVALID)
            .map(Diagnostic::message)
            .collect(Collectors.joining("; "));
  }

  /** Workspaces that select the service's namespace but were rejected, with why. */
  private static String rejectedClaims(ObjectId service, MeshInputs inputs, Membership membership) {
    Optional<NamespaceInput> namespace =
        inputs.get(namespaceId(service)).map(NamespaceInput.class::cast);
    Map<String, String> clusterLabels = membership.clusterLabels().get(service.cluster());
    return membership.diagnostics().stream()
        .filter(d -> d.severity() == Severity.INVALID)
        .filter(
            d ->
                inputs
                    .get(d.input())
                    .filter(WorkspaceInput.class::isInstance)
                    .map(WorkspaceInput.class::cast)
                    .filter(
                        w ->
                            namespace.isPresent()
                                && WorkspaceResolver.selects(w, clusterLabels, namespace.get()))
                    .isPresent())
        .map(d -> "; " + d.input().ref() + " selects it but is rejected: " + d.message())
        .collect(Collectors.joining());
  }

  private static ObjectId namespaceId(ObjectId service) {
    return new ObjectId(service.cluster(), DiscoveredKinds.NAMESPACE, "", service.namespace());
  }

  private void addRemoteEntry(ClusterMesh target, Reachable reachable) {
    EastWestGatewayInput gateway = reachable.gateway();
    ClusterMesh.Endpoint at = reachable.endpoint();
    List<ServicePortInput> ports = reachable.ports();
    ObjectNode spec = commonSpec(ports, consumers(target.cluster()));
    boolean ip = IP_ADDRESS.matcher(at.address()).matches();
    spec.put("resolution", ip ? "STATIC" : "DNS");
    ObjectNode endpoint = spec.putArray("endpoints").addObject();
    endpoint.put("address", at.address());
    ObjectNode endpointPorts = endpoint.putObject("ports");
    ports.forEach(p -> endpointPorts.put(Protocols.portName(p), at.port()));
    String owner = service.id().cluster();
    endpoint.put("network", ClusterMesh.network(inputs, gateway));
    // tlsMode istio makes the client's auto-mTLS send Istio mTLS (with the SNI the owner's
    // AUTO_PASSTHROUGH listener routes by); without it the client sends plaintext, which that
    // listener closes
    endpoint.set(
        "labels",
        Manifests.stringMap(
            Map.of("topology.istio.io/cluster", owner, "security.istio.io/tlsMode", "istio")));
    List<ObjectId> sources =
        withImporters(
            target.cluster(),
            service.id(),
            gateway.id(),
            workspace.workspace().id(),
            plan.settings().id(),
            target.controlPlane().id());
    at.node().ifPresent(sources::add);
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
            + importedBy(target.cluster())
            + " through the east-west gateway "
            + at.address()
            + ":"
            + at.port()
            + at.node().map(node -> " (node " + node.name() + ")").orElse(""));
  }

  /**
   * Where an entry goes: the owner's local entry into the service's own namespace, because a
   * ServiceEntry's workloadSelector only selects pods of its own namespace; remote entries into the
   * control plane's.
   */
  private String entryNamespace(ClusterMesh target) {
    return target.cluster().equals(service.id().cluster())
        ? service.id().namespace()
        : target.namespace();
  }

  /**
   * The entry the owner's east-west gateway routes SNI traffic by: exported to the gateway's
   * namespace (it builds SNI clusters only for services it sees) and to the local consumers, by
   * name (a "." next to its own namespace's name would be a duplicate Istio rejects).
   */
  private void addLocalEntry(ClusterMesh owner, List<ServicePortInput> ports) {
    SortedSet<String> consumers = new TreeSet<>(consumers(owner.cluster()));
    consumers.add(owner.gateway().id().namespace());
    ObjectNode spec = commonSpec(ports, consumers);
    addTargetPorts(spec, ports);
    spec.put("resolution", "STATIC");
    spec.putObject("workloadSelector").set("labels", Manifests.stringMap(service.selector()));
    List<ObjectId> sources =
        withImporters(
            owner.cluster(),
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
    String namespace = entryNamespace(target);
    ObjectNode manifest =
        Manifests.object(
            apiVersion,
            SERVICE_ENTRY,
            namespace,
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
            namespace,
            name,
            manifest,
            workspace.name(),
            sources.stream().sorted().toList(),
            host(),
            owner,
            reason));
  }

  /** The namespaces of a cluster that may use the service: its workspace's and importers'. */
  private SortedSet<String> consumers(String cluster) {
    SortedSet<String> consumers =
        new TreeSet<>(workspace.namespacesByCluster().getOrDefault(cluster, new TreeSet<>()));
    importersIn(cluster)
        .forEach(importer -> consumers.addAll(importer.namespacesByCluster().get(cluster)));
    return consumers;
  }

  /**
   * The inputs an object derives from, and the workspaces importing it there and their settings.
   */
  private List<ObjectId> withImporters(String cluster, ObjectId... sources) {
    List<ObjectId> all = new ArrayList<>(List.of(sources));
    for (WorkspacePlan importer : importersIn(cluster)) {
      all.add(importer.workspace().id());
      importer.settings().ifPresent(settings -> all.add(settings.id()));
    }
    return all;
  }

  private String importedBy(String cluster) {
    List<String> names = importersIn(cluster).stream().map(WorkspacePlan::name).toList();
    return names.isEmpty() ? "" : " (imported by workspace " + String.join(", ", names) + ")";
  }

  /**
   * The TCP ports options.federation.ports lets through: Istio does not carry UDP between clusters,
   * SCTP neither.
   */
  private List<ServicePortInput> federatedPorts() {
    return tcpPorts().stream().filter(plan::federatesPort).toList();
  }

  private List<ServicePortInput> tcpPorts() {
    return service.ports().stream()
        .filter(p -> p.protocol() == null || "TCP".equalsIgnoreCase(p.protocol()))
        .toList();
  }

  private String noPortWhy() {
    List<ServicePortInput> tcp = tcpPorts();
    if (tcp.isEmpty()) {
      return "the service has no TCP port to federate";
    }
    return "options.federation.ports of "
        + plan.settings().id().ref()
        + " selects none of the service's TCP ports ("
        + tcp.stream().map(p -> String.valueOf(p.port())).collect(Collectors.joining(", "))
        + ")";
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
