package dev.meshfed.translation.records;

import dev.meshfed.schema.discovery.AgentState;
import dev.meshfed.schema.discovery.ClusterRegistrationState;
import dev.meshfed.schema.discovery.ControlPlaneState;
import dev.meshfed.schema.discovery.DiscoveredObject;
import dev.meshfed.schema.discovery.DiscoveryKey;
import dev.meshfed.schema.discovery.EastWestGatewayState;
import dev.meshfed.schema.discovery.EndpointSliceState;
import dev.meshfed.schema.discovery.FailoverPolicyState;
import dev.meshfed.schema.discovery.FederationOptions;
import dev.meshfed.schema.discovery.GatewaySelector;
import dev.meshfed.schema.discovery.Locality;
import dev.meshfed.schema.discovery.LocalityMapping;
import dev.meshfed.schema.discovery.MeshConfigState;
import dev.meshfed.schema.discovery.NamespaceSelector;
import dev.meshfed.schema.discovery.NamespaceState;
import dev.meshfed.schema.discovery.NodeState;
import dev.meshfed.schema.discovery.ObjectSelector;
import dev.meshfed.schema.discovery.OutlierDetectionPolicyState;
import dev.meshfed.schema.discovery.PortSelector;
import dev.meshfed.schema.discovery.ResourceSelector;
import dev.meshfed.schema.discovery.ServiceExportState;
import dev.meshfed.schema.discovery.ServiceIsolationOptions;
import dev.meshfed.schema.discovery.ServicePort;
import dev.meshfed.schema.discovery.ServiceSelector;
import dev.meshfed.schema.discovery.ServiceState;
import dev.meshfed.schema.discovery.VirtualDestinationPort;
import dev.meshfed.schema.discovery.VirtualDestinationState;
import dev.meshfed.schema.discovery.WorkloadClusterSelector;
import dev.meshfed.schema.discovery.WorkloadState;
import dev.meshfed.schema.discovery.WorkspaceSelector;
import dev.meshfed.schema.discovery.WorkspaceSettingsState;
import dev.meshfed.schema.discovery.WorkspaceSharing;
import dev.meshfed.schema.discovery.WorkspaceState;
import dev.meshfed.translation.model.AccessPolicyInput;
import dev.meshfed.translation.model.AgentInput;
import dev.meshfed.translation.model.ClusterRegistrationInput;
import dev.meshfed.translation.model.ControlPlaneInput;
import dev.meshfed.translation.model.DestinationSelector;
import dev.meshfed.translation.model.EastWestGatewayInput;
import dev.meshfed.translation.model.EndpointSliceInput;
import dev.meshfed.translation.model.ExportedServiceSetInput;
import dev.meshfed.translation.model.ExternalEndpointInput;
import dev.meshfed.translation.model.ExternalServiceInput;
import dev.meshfed.translation.model.FailoverPolicyInput;
import dev.meshfed.translation.model.FaultInjectionPolicyInput;
import dev.meshfed.translation.model.HeaderManipulationPolicyInput;
import dev.meshfed.translation.model.ImportedServiceSetInput;
import dev.meshfed.translation.model.Input;
import dev.meshfed.translation.model.MeshConfigInput;
import dev.meshfed.translation.model.MirrorPolicyInput;
import dev.meshfed.translation.model.NamespaceInput;
import dev.meshfed.translation.model.NodeInput;
import dev.meshfed.translation.model.OutlierDetectionPolicyInput;
import dev.meshfed.translation.model.RetryTimeoutPolicyInput;
import dev.meshfed.translation.model.RouteTableInput;
import dev.meshfed.translation.model.ServiceExportInput;
import dev.meshfed.translation.model.ServiceInput;
import dev.meshfed.translation.model.ServiceMeshPeerInput;
import dev.meshfed.translation.model.VirtualDestinationInput;
import dev.meshfed.translation.model.WorkloadInput;
import dev.meshfed.translation.model.WorkspaceInput;
import dev.meshfed.translation.model.WorkspaceSettingsInput;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The translator's inputs back in the wire format a discovery-service publishes them in. */
public final class WireFormat {

  private WireFormat() {}

  /** Per cluster, each input's discovered record by key. */
  public static Map<String, Map<DiscoveryKey, DiscoveredObject>> snapshot(List<Input> inputs) {
    Map<String, Map<DiscoveryKey, DiscoveredObject>> snapshot = new TreeMap<>();
    for (Input input : inputs) {
      snapshot
          .computeIfAbsent(input.id().cluster(), c -> new java.util.HashMap<>())
          .put(key(input), value(input));
    }
    return snapshot;
  }

  public static DiscoveryKey key(Input input) {
    return new DiscoveryKey(input.id().kind(), input.id().namespace(), input.id().name());
  }

  public static DiscoveredObject value(Input input) {
    String created = null;
    Long generation = null;
    Object payload;
    if (input instanceof AgentInput) {
      payload = new AgentState("test", List.of());
    } else if (input instanceof NamespaceInput ns) {
      payload = new NamespaceState(ns.labels());
    } else if (input instanceof ServiceInput s) {
      created = s.creationTimestamp();
      payload =
          new ServiceState(
              s.type(),
              s.labels(),
              s.selector(),
              s.ports().stream()
                  .map(
                      p ->
                          new ServicePort(
                              p.name(), p.port(), p.targetPort(), p.protocol(), p.appProtocol()))
                  .toList(),
              s.headless(),
              s.exportTo());
    } else if (input instanceof EastWestGatewayInput g) {
      payload =
          new EastWestGatewayState(
              g.labels(), g.selector(), g.address(), g.tlsPort(), g.network(), g.nodePort());
    } else if (input instanceof NodeInput n) {
      payload = new NodeState(n.addresses(), n.ready(), n.region(), n.zone());
    } else if (input instanceof ControlPlaneInput cp) {
      payload =
          new ControlPlaneState("pilot:" + cp.version(), cp.version(), cp.revision(), cp.env());
    } else if (input instanceof WorkspaceInput ws) {
      created = ws.creationTimestamp();
      generation = ws.generation();
      payload =
          new WorkspaceState(
              ws.workloadClusters().stream()
                  .map(
                      c ->
                          new WorkloadClusterSelector(
                              c.name(),
                              c.namespaces().stream()
                                  .map(n -> new NamespaceSelector(n.name(), n.labels()))
                                  .toList(),
                              c.selector()))
                  .toList(),
              ws.labels());
    } else if (input instanceof WorkspaceSettingsInput s) {
      created = s.creationTimestamp();
      generation = s.generation();
      payload =
          new WorkspaceSettingsState(
              federation(s.federation()),
              sharing(s.importFrom()),
              sharing(s.exportTo()),
              s.isolation() == null
                  ? null
                  : new ServiceIsolationOptions(
                      s.isolation().enabled(), s.isolation().trimProxyConfig()),
              s.eastWestGateways().stream()
                  .map(g -> new GatewaySelector(g.labels(), g.namespace(), g.cluster()))
                  .toList());
    } else if (input instanceof ClusterRegistrationInput r) {
      generation = r.generation();
      payload = new ClusterRegistrationState(r.labels(), r.removed());
    } else if (input instanceof MeshConfigInput m) {
      payload =
          new MeshConfigState(
              m.revision(), m.trustDomain(), m.trustDomainAliases(), m.meshId(), m.proxyMetadata());
    } else if (input instanceof WorkloadInput w) {
      payload = new WorkloadState(w.serviceAccount(), w.podLabels());
    } else if (input instanceof EndpointSliceInput e) {
      payload =
          new EndpointSliceState(e.service(), e.readyEndpoints(), e.notReadyEndpoints(), e.zones());
    } else if (input instanceof VirtualDestinationInput vd) {
      created = vd.creationTimestamp();
      generation = vd.generation();
      payload =
          new VirtualDestinationState(
              vd.hosts(),
              objectSelectors(vd.services()),
              objectSelectors(vd.externalServices()),
              vd.labels(),
              vd.ports().stream()
                  .map(p -> new VirtualDestinationPort(p.number(), p.protocol(), p.targetPort()))
                  .toList());
    } else if (input instanceof FailoverPolicyInput f) {
      created = f.creationTimestamp();
      generation = f.generation();
      payload =
          new FailoverPolicyState(
              destinations(f.applyToDestinations()),
              f.localityMappings().stream()
                  .map(
                      m ->
                          new LocalityMapping(
                              locality(m.from()),
                              m.to().stream().map(WireFormat::locality).toList()))
                  .toList(),
              f.priorityLabels());
    } else if (input instanceof OutlierDetectionPolicyInput o) {
      created = o.creationTimestamp();
      generation = o.generation();
      payload =
          new OutlierDetectionPolicyState(
              destinations(o.applyToDestinations()),
              o.consecutiveErrors(),
              o.interval(),
              o.baseEjectionTime(),
              o.maxEjectionPercent());
    } else if (input instanceof RouteTableInput rt) {
      created = rt.creationTimestamp();
      generation = rt.generation();
      payload = RouteWireFormat.routeTable(rt);
    } else if (input instanceof RetryTimeoutPolicyInput p) {
      created = p.creationTimestamp();
      generation = p.generation();
      payload = RouteWireFormat.retryTimeout(p);
    } else if (input instanceof FaultInjectionPolicyInput p) {
      created = p.creationTimestamp();
      generation = p.generation();
      payload = RouteWireFormat.faultInjection(p);
    } else if (input instanceof HeaderManipulationPolicyInput p) {
      created = p.creationTimestamp();
      generation = p.generation();
      payload = RouteWireFormat.headerManipulation(p);
    } else if (input instanceof ExternalServiceInput es) {
      created = es.creationTimestamp();
      generation = es.generation();
      payload = RouteWireFormat.externalService(es);
    } else if (input instanceof ExternalEndpointInput ee) {
      payload = RouteWireFormat.externalEndpoint(ee);
    } else if (input instanceof ServiceMeshPeerInput p) {
      payload = OssmWireFormat.peer(p);
    } else if (input instanceof ExportedServiceSetInput e) {
      payload = OssmWireFormat.exports(e);
    } else if (input instanceof ImportedServiceSetInput i) {
      payload = OssmWireFormat.imports(i);
    } else if (input instanceof ServiceExportInput e) {
      created = e.creationTimestamp();
      generation = e.generation();
      payload = new ServiceExportState();
    } else if (input instanceof AccessPolicyInput p) {
      created = p.creationTimestamp();
      generation = p.generation();
      payload = RouteWireFormat.access(p);
    } else if (input instanceof MirrorPolicyInput p) {
      created = p.creationTimestamp();
      generation = p.generation();
      payload = RouteWireFormat.mirror(p);
    } else {
      throw new IllegalArgumentException("No wire format for " + input);
    }
    return DiscoveredObject.newBuilder()
        .setApiVersion("v1")
        .setUid(input.id().ref())
        .setCreationTimestamp(created)
        .setGeneration(generation)
        .setPayload(payload)
        .setProblems(input.problems())
        .build();
  }

  private static List<WorkspaceSharing> sharing(List<WorkspaceSettingsInput.Sharing> rules) {
    return rules.stream()
        .map(
            rule ->
                new WorkspaceSharing(
                    rule.workspaces().stream()
                        .map(w -> new WorkspaceSelector(w.name(), w.selector()))
                        .toList(),
                    rule.resources().stream()
                        .map(
                            r ->
                                new ResourceSelector(
                                    r.kind(), r.name(), r.namespace(), r.cluster(), r.labels()))
                        .toList()))
        .toList();
  }

  private static FederationOptions federation(WorkspaceSettingsInput.Federation f) {
    if (f == null) {
      return null;
    }
    return new FederationOptions(
        f.enabled(),
        f.hostSuffix(),
        f.selectors().stream()
            .map(s -> new ServiceSelector(s.name(), s.namespace(), s.cluster(), s.labels()))
            .toList(),
        f.ports().stream().map(p -> new PortSelector(p.number(), p.name())).toList());
  }

  private static List<ObjectSelector> objectSelectors(
      List<VirtualDestinationInput.ObjectSelector> selectors) {
    return selectors.stream()
        .map(
            s ->
                new ObjectSelector(s.name(), s.namespace(), s.cluster(), s.workspace(), s.labels()))
        .toList();
  }

  private static List<dev.meshfed.schema.discovery.DestinationSelector> destinations(
      List<DestinationSelector> selectors) {
    return selectors.stream()
        .map(
            d ->
                new dev.meshfed.schema.discovery.DestinationSelector(
                    d.kind(),
                    d.selector() == null ? null : objectSelectors(List.of(d.selector())).get(0),
                    d.portNumber(),
                    d.portName()))
        .toList();
  }

  private static Locality locality(FailoverPolicyInput.Locality l) {
    return new Locality(l.region(), l.zone(), l.subZone(), l.weight());
  }
}
