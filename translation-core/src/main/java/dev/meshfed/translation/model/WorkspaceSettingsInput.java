package dev.meshfed.translation.model;

import java.util.List;
import java.util.Map;

/** WorkspaceSettings: configures the workspace its own namespace belongs to. */
public record WorkspaceSettingsInput(
    ObjectId id,
    String creationTimestamp,
    Federation federation,
    List<Sharing> importFrom,
    List<Sharing> exportTo,
    Isolation isolation,
    List<GatewaySelector> eastWestGateways,
    long generation,
    List<String> problems)
    implements Input {

  public WorkspaceSettingsInput {
    importFrom = List.copyOf(importFrom);
    exportTo = List.copyOf(exportTo);
    eastWestGateways = List.copyOf(eastWestGateways);
    problems = List.copyOf(problems);
  }

  /** Settings read without problems. */
  public WorkspaceSettingsInput(
      ObjectId id,
      String creationTimestamp,
      Federation federation,
      List<Sharing> importFrom,
      List<Sharing> exportTo,
      Isolation isolation,
      List<GatewaySelector> eastWestGateways,
      long generation) {
    this(
        id,
        creationTimestamp,
        federation,
        importFrom,
        exportTo,
        isolation,
        eastWestGateways,
        generation,
        List.of());
  }

  /** Settings whose generation is unknown (0). */
  public WorkspaceSettingsInput(
      ObjectId id,
      String creationTimestamp,
      Federation federation,
      List<Sharing> importFrom,
      List<Sharing> exportTo,
      Isolation isolation,
      List<GatewaySelector> eastWestGateways) {
    this(id, creationTimestamp, federation, importFrom, exportTo, isolation, eastWestGateways, 0);
  }

  /** Settings that neither isolate nor pick east-west gateways. */
  public WorkspaceSettingsInput(
      ObjectId id,
      String creationTimestamp,
      Federation federation,
      List<Sharing> importFrom,
      List<Sharing> exportTo) {
    this(id, creationTimestamp, federation, importFrom, exportTo, null, List.of(), 0);
  }

  /** Whether options.serviceIsolation is enabled (null: not set). */
  public boolean isolates() {
    return isolation != null && isolation.enabled();
  }

  /** Whether options.serviceIsolation also trims the workspace's proxies to its hosts. */
  public boolean trimsProxyConfig() {
    return isolates() && isolation.trimProxyConfig();
  }

  /** {@code options.serviceIsolation}. */
  public record Isolation(boolean enabled, boolean trimProxyConfig) {}

  /** {@code options.eastWestGateways[].selector}: every set field must match the gateway. */
  public record GatewaySelector(Map<String, String> labels, String namespace, String cluster) {

    public GatewaySelector {
      labels = Map.copyOf(labels);
    }
  }

  /** {@code options.federation}; null fields mean "not set", no ports every TCP port. */
  public record Federation(
      boolean enabled,
      String hostSuffix,
      List<ServiceSelector> selectors,
      List<PortSelector> ports) {

    public Federation {
      selectors = List.copyOf(selectors);
      ports = List.copyOf(ports);
    }

    public Federation(boolean enabled, String hostSuffix, List<ServiceSelector> selectors) {
      this(enabled, hostSuffix, selectors, List.of());
    }
  }

  /** A service port by number, by name, or both (null: not set). */
  public record PortSelector(Integer number, String name) {}

  /** Every set field must match; an empty selector matches every service. */
  public record ServiceSelector(
      String name, String namespace, String cluster, Map<String, String> labels) {

    public ServiceSelector {
      labels = Map.copyOf(labels);
    }
  }

  /** One importFrom or exportTo rule: these resources (none listed: all), with these workspaces. */
  public record Sharing(List<WorkspaceSelector> workspaces, List<ResourceSelector> resources) {

    public Sharing {
      workspaces = List.copyOf(workspaces);
      resources = List.copyOf(resources);
    }
  }

  /** A workspace by name ({@code *}: any) or by the labels of the Workspace; null: not set. */
  public record WorkspaceSelector(String name, Map<String, String> selector) {

    public WorkspaceSelector {
      selector = selector == null ? null : Map.copyOf(selector);
    }
  }

  /** Resources of a kind (ALL, SERVICE, …); every set field must match. */
  public record ResourceSelector(
      String kind, String name, String namespace, String cluster, Map<String, String> labels) {

    public ResourceSelector {
      labels = Map.copyOf(labels);
    }
  }
}
