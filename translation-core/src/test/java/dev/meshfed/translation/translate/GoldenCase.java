package dev.meshfed.translation.translate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.meshfed.translation.model.AgentInput;
import dev.meshfed.translation.model.ClusterRegistrationInput;
import dev.meshfed.translation.model.ControlPlaneInput;
import dev.meshfed.translation.model.DestinationSelector;
import dev.meshfed.translation.model.EastWestGatewayInput;
import dev.meshfed.translation.model.EndpointSliceInput;
import dev.meshfed.translation.model.FailoverPolicyInput;
import dev.meshfed.translation.model.Input;
import dev.meshfed.translation.model.MeshConfigInput;
import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.model.NamespaceInput;
import dev.meshfed.translation.model.NodeInput;
import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.model.OutlierDetectionPolicyInput;
import dev.meshfed.translation.model.ServiceExportInput;
import dev.meshfed.translation.model.ServiceInput;
import dev.meshfed.translation.model.ServicePortInput;
import dev.meshfed.translation.model.VirtualDestinationInput;
import dev.meshfed.translation.model.WorkloadInput;
import dev.meshfed.translation.model.WorkspaceInput;
import dev.meshfed.translation.model.WorkspaceSettingsInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A golden case's input file: discovered inputs per cluster, in the translator's own terms.
 *
 * <pre>
 * settings: {managementCluster: mgmt}      # optional
 * clusters:
 *   cluster1:
 *   - {kind: Service, namespace: bookinfo, name: reviews, selector: {app: reviews}, ports: [...]}
 * </pre>
 */
public record GoldenCase(TranslationSettings settings, List<Input> inputs) {

  public static final ObjectMapper YAML =
      new ObjectMapper(
          YAMLFactory.builder()
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .build());

  /** Where the cases are, relative to the module. */
  public static final Path CASES = Path.of("src/test/resources/golden");

  /** The names of every case, sorted. */
  public static List<String> names() throws IOException {
    try (Stream<Path> dirs = Files.list(CASES)) {
      return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList();
    }
  }

  /** The input of the named case. */
  public static GoldenCase named(String name) throws IOException {
    return load(CASES.resolve(name).resolve("input.yaml"));
  }

  public static GoldenCase load(Path file) throws IOException {
    return of(YAML.readTree(file.toFile()));
  }

  /** The case an input file's tree describes (e.g. one a test generated). */
  public static GoldenCase of(JsonNode root) {
    TranslationSettings settings = TranslationSettings.DEFAULTS;
    if (root.has("settings")) {
      JsonNode s = root.get("settings");
      settings =
          new TranslationSettings(
              s.path("managementCluster").asText(settings.managementCluster()),
              s.path("defaultHostSuffix").asText(settings.defaultHostSuffix()),
              ClusterRegistration.parse(
                  s.path("clusterRegistration")
                      .asText(settings.clusterRegistration().configValue())));
    }
    List<Input> inputs = new ArrayList<>();
    root.path("clusters")
        .fields()
        .forEachRemaining(
            cluster -> cluster.getValue().forEach(o -> inputs.add(input(cluster.getKey(), o))));
    return new GoldenCase(settings, inputs);
  }

  public MeshInputs mesh() {
    return MeshInputs.of(inputs);
  }

  private static Input input(String cluster, JsonNode o) {
    String kind = o.path("kind").asText();
    ObjectId id =
        new ObjectId(cluster, kind, o.path("namespace").asText(""), o.path("name").asText());
    return switch (kind) {
      case "Agent" -> new AgentInput(id);
      case "Namespace" -> new NamespaceInput(id, strings(o.path("labels")));
      case "Service" ->
          new ServiceInput(
              id,
              o.path("type").asText("ClusterIP"),
              strings(o.path("labels")),
              strings(o.path("selector")),
              ports(o.path("ports")),
              text(o, "creationTimestamp"),
              o.path("headless").asBoolean(false),
              texts(o.path("exportTo")));
      case "ServiceExport.multicluster.x-k8s.io" ->
          new ServiceExportInput(id, text(o, "creationTimestamp"), o.path("generation").asLong(1));
      case "ServiceMeshPeer.federation.maistra.io",
          "ExportedServiceSet.federation.maistra.io",
          "ImportedServiceSet.federation.maistra.io" ->
          OssmCase.input(id, o);
      case "EastWestGateway" ->
          new EastWestGatewayInput(
              id,
              strings(o.path("labels")),
              strings(o.path("selector")),
              text(o, "address"),
              o.has("tlsPort") ? o.get("tlsPort").asInt() : null,
              text(o, "network"),
              o.has("nodePort") ? o.get("nodePort").asInt() : null);
      case "Node" ->
          new NodeInput(
              id,
              strings(o.path("addresses")),
              o.path("ready").asBoolean(false),
              o.path("region").textValue(),
              o.path("zone").textValue());
      case "ControlPlane" ->
          new ControlPlaneInput(
              id, text(o, "version"), text(o, "revision"), strings(o.path("env")));
      case "Workspace", "Workspace.admin.gloo.solo.io" -> workspace(id, o);
      case "WorkspaceSettings", "WorkspaceSettings.admin.gloo.solo.io" -> settings(id, o);
      case "KubernetesCluster", "KubernetesCluster.admin.gloo.solo.io" ->
          new ClusterRegistrationInput(
              id,
              strings(o.path("labels")),
              o.path("removed").asBoolean(false),
              o.path("generation").asLong(1));
      case "MeshConfig" ->
          new MeshConfigInput(
              id,
              text(o, "revision"),
              text(o, "trustDomain"),
              texts(o.path("trustDomainAliases")),
              text(o, "meshId"),
              strings(o.path("proxyMetadata")));
      case "Deployment", "StatefulSet", "DaemonSet" ->
          new WorkloadInput(
              id, o.path("serviceAccount").asText("default"), strings(o.path("podLabels")));
      case "EndpointSlice" ->
          new EndpointSliceInput(
              id,
              text(o, "service"),
              o.path("readyEndpoints").asInt(),
              o.path("notReadyEndpoints").asInt(),
              texts(o.path("zones")));
      case "VirtualDestination", "VirtualDestination.networking.gloo.solo.io" ->
          virtualDestination(id, o);
      case "FailoverPolicy", "FailoverPolicy.resilience.policy.gloo.solo.io" ->
          new FailoverPolicyInput(
              id,
              text(o, "creationTimestamp"),
              o.path("generation").asLong(1),
              destinations(o.path("applyToDestinations")),
              localityMappings(o.path("localityMappings")),
              texts(o.path("priorityLabels")),
              texts(o.path("problems")));
      case "OutlierDetectionPolicy", "OutlierDetectionPolicy.resilience.policy.gloo.solo.io" ->
          new OutlierDetectionPolicyInput(
              id,
              text(o, "creationTimestamp"),
              o.path("generation").asLong(1),
              destinations(o.path("applyToDestinations")),
              o.has("consecutiveErrors") ? o.get("consecutiveErrors").asInt() : null,
              text(o, "interval"),
              text(o, "baseEjectionTime"),
              o.has("maxEjectionPercent") ? o.get("maxEjectionPercent").asInt() : null,
              texts(o.path("problems")));
      default ->
          GoldenRouteInputs.of(id, o)
              .orElseThrow(
                  () -> new IllegalArgumentException("Unknown kind in golden case: " + kind));
    };
  }

  private static VirtualDestinationInput virtualDestination(ObjectId id, JsonNode o) {
    List<VirtualDestinationInput.Port> ports = new ArrayList<>();
    o.path("ports")
        .forEach(
            p ->
                ports.add(
                    new VirtualDestinationInput.Port(
                        p.has("number") ? p.get("number").asInt() : null,
                        text(p, "protocol"),
                        text(p, "targetPort"))));
    return new VirtualDestinationInput(
        id,
        text(o, "creationTimestamp"),
        o.path("generation").asLong(1),
        texts(o.path("hosts")),
        objectSelectors(o.path("services")),
        objectSelectors(o.path("externalServices")),
        strings(o.path("labels")),
        ports,
        texts(o.path("problems")));
  }

  private static List<DestinationSelector> destinations(JsonNode list) {
    List<DestinationSelector> destinations = new ArrayList<>();
    list.forEach(
        d ->
            destinations.add(
                new DestinationSelector(
                    d.path("kind").asText("SERVICE"),
                    d.has("selector") ? objectSelector(d.get("selector")) : null,
                    d.has("portNumber") ? d.get("portNumber").asInt() : null,
                    text(d, "portName"))));
    return destinations;
  }

  private static List<FailoverPolicyInput.LocalityMapping> localityMappings(JsonNode list) {
    List<FailoverPolicyInput.LocalityMapping> mappings = new ArrayList<>();
    list.forEach(
        m -> {
          List<FailoverPolicyInput.Locality> to = new ArrayList<>();
          m.path("to").forEach(t -> to.add(locality(t)));
          mappings.add(new FailoverPolicyInput.LocalityMapping(locality(m.path("from")), to));
        });
    return mappings;
  }

  private static FailoverPolicyInput.Locality locality(JsonNode l) {
    return new FailoverPolicyInput.Locality(
        text(l, "region"),
        text(l, "zone"),
        text(l, "subZone"),
        l.has("weight") ? l.get("weight").asInt() : null);
  }

  private static VirtualDestinationInput.ObjectSelector objectSelector(JsonNode s) {
    return new VirtualDestinationInput.ObjectSelector(
        text(s, "name"),
        text(s, "namespace"),
        text(s, "cluster"),
        text(s, "workspace"),
        strings(s.path("labels")));
  }

  private static List<VirtualDestinationInput.ObjectSelector> objectSelectors(JsonNode list) {
    List<VirtualDestinationInput.ObjectSelector> selectors = new ArrayList<>();
    list.forEach(
        s ->
            selectors.add(
                new VirtualDestinationInput.ObjectSelector(
                    text(s, "name"),
                    text(s, "namespace"),
                    text(s, "cluster"),
                    text(s, "workspace"),
                    strings(s.path("labels")))));
    return selectors;
  }

  private static WorkspaceInput workspace(ObjectId id, JsonNode o) {
    List<WorkspaceInput.WorkloadClusters> clusters = new ArrayList<>();
    o.path("workloadClusters")
        .forEach(
            c -> {
              List<WorkspaceInput.NamespaceSelector> namespaces = new ArrayList<>();
              c.path("namespaces")
                  .forEach(
                      n ->
                          namespaces.add(
                              new WorkspaceInput.NamespaceSelector(
                                  text(n, "name"), strings(n.path("labels")))));
              clusters.add(
                  new WorkspaceInput.WorkloadClusters(
                      text(c, "name"), strings(c.path("selector")), namespaces));
            });
    return new WorkspaceInput(
        id,
        text(o, "creationTimestamp"),
        strings(o.path("labels")),
        clusters,
        o.path("generation").asLong(1));
  }

  private static WorkspaceSettingsInput settings(ObjectId id, JsonNode o) {
    JsonNode f = o.path("federation");
    WorkspaceSettingsInput.Federation federation = null;
    if (!f.isMissingNode()) {
      List<WorkspaceSettingsInput.ServiceSelector> selectors = new ArrayList<>();
      f.path("serviceSelector")
          .forEach(
              s ->
                  selectors.add(
                      new WorkspaceSettingsInput.ServiceSelector(
                          text(s, "name"),
                          text(s, "namespace"),
                          text(s, "cluster"),
                          strings(s.path("labels")))));
      List<WorkspaceSettingsInput.PortSelector> ports = new ArrayList<>();
      f.path("ports")
          .forEach(
              p ->
                  ports.add(
                      new WorkspaceSettingsInput.PortSelector(
                          p.has("number") ? p.get("number").asInt() : null, text(p, "name"))));
      federation =
          new WorkspaceSettingsInput.Federation(
              f.path("enabled").asBoolean(false), text(f, "hostSuffix"), selectors, ports);
    }
    return new WorkspaceSettingsInput(
        id,
        text(o, "creationTimestamp"),
        federation,
        sharing(o.path("importFrom")),
        sharing(o.path("exportTo")),
        isolation(o.path("serviceIsolation")),
        gateways(o.path("eastWestGateways")),
        o.path("generation").asLong(1));
  }

  private static WorkspaceSettingsInput.Isolation isolation(JsonNode i) {
    return i.isMissingNode()
        ? null
        : new WorkspaceSettingsInput.Isolation(
            i.path("enabled").asBoolean(false), i.path("trimProxyConfig").asBoolean(false));
  }

  private static List<WorkspaceSettingsInput.GatewaySelector> gateways(JsonNode gateways) {
    List<WorkspaceSettingsInput.GatewaySelector> result = new ArrayList<>();
    gateways.forEach(
        g ->
            result.add(
                new WorkspaceSettingsInput.GatewaySelector(
                    strings(g.path("labels")), text(g, "namespace"), text(g, "cluster"))));
    return result;
  }

  private static List<String> texts(JsonNode node) {
    List<String> result = new ArrayList<>();
    node.forEach(value -> result.add(value.asText()));
    return result;
  }

  private static List<WorkspaceSettingsInput.Sharing> sharing(JsonNode rules) {
    List<WorkspaceSettingsInput.Sharing> result = new ArrayList<>();
    rules.forEach(
        rule -> {
          List<WorkspaceSettingsInput.WorkspaceSelector> workspaces = new ArrayList<>();
          rule.path("workspaces")
              .forEach(
                  w ->
                      workspaces.add(
                          new WorkspaceSettingsInput.WorkspaceSelector(
                              text(w, "name"),
                              w.has("selector") ? strings(w.get("selector")) : null)));
          List<WorkspaceSettingsInput.ResourceSelector> resources = new ArrayList<>();
          rule.path("resources")
              .forEach(
                  r ->
                      resources.add(
                          new WorkspaceSettingsInput.ResourceSelector(
                              r.path("kind").asText("ALL"),
                              text(r, "name"),
                              text(r, "namespace"),
                              text(r, "cluster"),
                              strings(r.path("labels")))));
          result.add(new WorkspaceSettingsInput.Sharing(workspaces, resources));
        });
    return result;
  }

  private static List<ServicePortInput> ports(JsonNode ports) {
    List<ServicePortInput> result = new ArrayList<>();
    ports.forEach(
        p ->
            result.add(
                new ServicePortInput(
                    text(p, "name"),
                    p.path("port").asInt(),
                    text(p, "targetPort"),
                    p.path("protocol").asText("TCP"),
                    text(p, "appProtocol"))));
    return result;
  }

  private static Map<String, String> strings(JsonNode node) {
    Map<String, String> map = new LinkedHashMap<>();
    node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
    return map;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
