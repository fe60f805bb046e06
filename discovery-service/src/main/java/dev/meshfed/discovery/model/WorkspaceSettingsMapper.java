package dev.meshfed.discovery.model;

import static dev.meshfed.discovery.model.LenientReader.field;

import dev.meshfed.schema.DiscoveredKinds;
import dev.meshfed.schema.discovery.FederationOptions;
import dev.meshfed.schema.discovery.GatewaySelector;
import dev.meshfed.schema.discovery.PortSelector;
import dev.meshfed.schema.discovery.ResourceSelector;
import dev.meshfed.schema.discovery.ServiceIsolationOptions;
import dev.meshfed.schema.discovery.ServiceSelector;
import dev.meshfed.schema.discovery.WorkspaceSelector;
import dev.meshfed.schema.discovery.WorkspaceSettingsState;
import dev.meshfed.schema.discovery.WorkspaceSharing;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * WorkspaceSettings (meshfed.dev/v1alpha1, fields of Gloo Mesh 2.x) → kind WorkspaceSettings:
 * spec.importFrom, spec.exportTo, spec.options.federation, spec.options.serviceIsolation and
 * spec.options.eastWestGateways. The older spelling of sharing ({@code imports: [{name}]}, {@code
 * exportTo: [{name}]}) is read as one rule per named workspace, for every resource.
 */
public final class WorkspaceSettingsMapper {

  private static final String FEDERATION = "spec.options.federation";
  private static final String SERVICE_ISOLATION = "spec.options.serviceIsolation";
  private static final String EAST_WEST_GATEWAYS = "spec.options.eastWestGateways";

  private WorkspaceSettingsMapper() {}

  public static Mapping map(GenericKubernetesResource settings) {
    return map(DiscoveredKinds.WORKSPACE_SETTINGS, settings);
  }

  /** Under the kind given: meshfed's, or Gloo's for admin.gloo.solo.io/v2. */
  public static Mapping map(String kind, GenericKubernetesResource settings) {
    var reader = new LenientReader();
    Optional<Map<?, ?>> spec = reader.map(settings.getAdditionalProperties().get("spec"), "spec");
    Optional<Map<?, ?>> options = reader.map(field(spec, "options"), "spec.options");
    Optional<Map<?, ?>> federation = reader.map(field(options, "federation"), FEDERATION);
    Optional<Map<?, ?>> isolation =
        reader.map(field(options, "serviceIsolation"), SERVICE_ISOLATION);
    List<WorkspaceSharing> importFrom =
        new ArrayList<>(sharing(reader, field(spec, "importFrom"), "spec.importFrom"));
    importFrom.addAll(sharing(reader, field(spec, "imports"), "spec.imports"));
    var state =
        new WorkspaceSettingsState(
            federation.map(f -> federation(reader, f)).orElse(null),
            importFrom,
            sharing(reader, field(spec, "exportTo"), "spec.exportTo"),
            isolation.map(i -> serviceIsolation(reader, i)).orElse(null),
            gateways(reader, field(options, "eastWestGateways"), EAST_WEST_GATEWAYS));
    var write = new Write(Keys.of(kind, settings), Envelope.wrap(settings, state));
    return new Mapping(List.of(write), reader.problems());
  }

  private static FederationOptions federation(LenientReader reader, Map<?, ?> federation) {
    return FederationOptions.newBuilder()
        .setEnabled(reader.bool(federation.get("enabled"), FEDERATION + ".enabled").orElse(false))
        .setHostSuffix(
            reader.string(federation.get("hostSuffix"), FEDERATION + ".hostSuffix").orElse(null))
        .setServiceSelector(
            serviceSelectors(
                reader, federation.get("serviceSelector"), FEDERATION + ".serviceSelector"))
        .setPorts(ports(reader, federation.get("ports"), FEDERATION + ".ports"))
        .build();
  }

  private static ServiceIsolationOptions serviceIsolation(
      LenientReader reader, Map<?, ?> isolation) {
    return new ServiceIsolationOptions(
        reader.bool(isolation.get("enabled"), SERVICE_ISOLATION + ".enabled").orElse(false),
        reader
            .bool(isolation.get("trimProxyConfig"), SERVICE_ISOLATION + ".trimProxyConfig")
            .orElse(false));
  }

  /**
   * Each item's selector; an item without one is left out (a misspelt selector must not widen to
   * every gateway).
   */
  private static List<GatewaySelector> gateways(LenientReader reader, Object value, String path) {
    return reader.objects(
        value,
        path,
        (item, itemPath) -> {
          if (!item.containsKey("selector")) {
            reader.problem(itemPath + ": needs a selector");
            return Optional.empty();
          }
          String selectorPath = itemPath + ".selector";
          return reader
              .map(item.get("selector"), selectorPath)
              .map(selector -> gateway(reader, selector, selectorPath));
        });
  }

  private static GatewaySelector gateway(LenientReader reader, Map<?, ?> selector, String path) {
    return GatewaySelector.newBuilder()
        .setLabels(reader.stringMap(selector.get("labels"), path + ".labels"))
        .setNamespace(reader.string(selector.get("namespace"), path + ".namespace").orElse(null))
        .setCluster(reader.string(selector.get("cluster"), path + ".cluster").orElse(null))
        .build();
  }

  private static List<PortSelector> ports(LenientReader reader, Object value, String path) {
    return reader.objects(
        value,
        path,
        (item, itemPath) ->
            Optional.of(
                new PortSelector(
                    reader.integer(item.get("number"), itemPath + ".number").orElse(null),
                    reader.string(item.get("name"), itemPath + ".name").orElse(null))));
  }

  private static List<WorkspaceSharing> sharing(LenientReader reader, Object value, String path) {
    return reader.objects(
        value, path, (item, itemPath) -> Optional.of(rule(reader, item, itemPath)));
  }

  private static WorkspaceSharing rule(LenientReader reader, Map<?, ?> item, String path) {
    if (item.containsKey("name") && !item.containsKey("workspaces")) {
      WorkspaceSelector named =
          new WorkspaceSelector(reader.string(item.get("name"), path + ".name").orElse(null), null);
      return new WorkspaceSharing(List.of(named), List.of());
    }
    List<WorkspaceSelector> workspaces =
        reader.objects(
            item.get("workspaces"),
            path + ".workspaces",
            (selector, selectorPath) -> Optional.of(workspace(reader, selector, selectorPath)));
    List<ResourceSelector> resources =
        reader.objects(
            item.get("resources"),
            path + ".resources",
            (resource, resourcePath) -> Optional.of(resource(reader, resource, resourcePath)));
    return new WorkspaceSharing(workspaces, resources);
  }

  private static WorkspaceSelector workspace(LenientReader reader, Map<?, ?> item, String path) {
    return new WorkspaceSelector(
        reader.string(item.get("name"), path + ".name").orElse(null),
        item.containsKey("selector")
            ? reader.stringMap(item.get("selector"), path + ".selector")
            : null);
  }

  private static ResourceSelector resource(LenientReader reader, Map<?, ?> item, String path) {
    return ResourceSelector.newBuilder()
        .setKind(reader.string(item.get("kind"), path + ".kind").orElse("ALL"))
        .setName(reader.string(item.get("name"), path + ".name").orElse(null))
        .setNamespace(reader.string(item.get("namespace"), path + ".namespace").orElse(null))
        .setCluster(reader.string(item.get("cluster"), path + ".cluster").orElse(null))
        .setLabels(reader.stringMap(item.get("labels"), path + ".labels"))
        .build();
  }

  private static List<ServiceSelector> serviceSelectors(
      LenientReader reader, Object value, String path) {
    return reader.objects(
        value, path, (item, itemPath) -> Optional.of(selector(reader, item, itemPath)));
  }

  private static ServiceSelector selector(LenientReader reader, Map<?, ?> item, String path) {
    return ServiceSelector.newBuilder()
        .setName(reader.string(item.get("name"), path + ".name").orElse(null))
        .setNamespace(reader.string(item.get("namespace"), path + ".namespace").orElse(null))
        .setCluster(reader.string(item.get("cluster"), path + ".cluster").orElse(null))
        .setLabels(reader.stringMap(item.get("labels"), path + ".labels"))
        .build();
  }
}
