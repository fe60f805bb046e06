package dev.meshfed.discovery.model;

import dev.meshfed.schema.DiscoveredKinds;
import io.fabric8.kubernetes.api.model.LabelSelector;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which namespaces' applications discovery publishes ({@code meshfed.discovery.namespace-selector},
 * a label selector on namespaces). Application records — Namespace, Service, EndpointSlice,
 * Deployment, StatefulSet, DaemonSet, and the ServiceExports that export a namespace's Services —
 * of a namespace the selector does not match are tombstoned instead of published, as Istio's
 * discoverySelectors leave out its ServiceExports. Mesh infrastructure (ControlPlane, MeshConfig,
 * EastWestGateway, Node) and meshfed's own configuration (Workspace, WorkspaceSettings,
 * KubernetesCluster, VirtualDestination, FailoverPolicy, OutlierDetectionPolicy, RouteTable,
 * RetryTimeoutPolicy, FaultInjectionPolicy, HeaderManipulationPolicy, MirrorPolicy, AccessPolicy,
 * ExternalService, ExternalEndpoint, and Gloo's) are always published, wherever they are, and so
 * are OpenShift Service Mesh's ServiceMeshPeer, ExportedServiceSet and ImportedServiceSet, which
 * live in a control-plane namespace.
 */
public final class NamespaceSelection {

  /** No selector: every namespace, as without the option. */
  public static final NamespaceSelection EVERYTHING = new NamespaceSelection("", null);

  /** The kinds that belong to a namespace's applications. */
  private static final Set<String> APPLICATION_KINDS =
      Set.of(
          DiscoveredKinds.NAMESPACE,
          DiscoveredKinds.SERVICE,
          DiscoveredKinds.ENDPOINT_SLICE,
          DiscoveredKinds.DEPLOYMENT,
          DiscoveredKinds.STATEFUL_SET,
          DiscoveredKinds.DAEMON_SET,
          DiscoveredKinds.SERVICE_EXPORT);

  private final String expression;
  private final LabelSelector selector;

  private NamespaceSelection(String expression, LabelSelector selector) {
    this.expression = expression;
    this.selector = selector;
  }

  /**
   * @param expression a label selector such as {@code env in (prod,staging),!legacy}; null or blank
   *     selects every namespace
   * @throws IllegalArgumentException when it is no valid label selector
   */
  public static NamespaceSelection of(String expression) {
    if (expression == null || expression.isBlank()) {
      return EVERYTHING;
    }
    return new NamespaceSelection(expression.strip(), LabelSelectors.parse(expression));
  }

  public boolean selectsEverything() {
    return selector == null;
  }

  public boolean selects(Map<String, String> namespaceLabels) {
    return selector == null || LabelSelectors.matches(selector, namespaceLabels);
  }

  /** Whether records of a kind follow the selection. */
  public static boolean governs(String kind) {
    return APPLICATION_KINDS.contains(kind);
  }

  /**
   * The sources of namespaced objects with application records: what a namespace's relabelling
   * publishes or tombstones.
   */
  public static List<Source> namespacedSources() {
    return Arrays.stream(Source.values())
        .filter(source -> source != Source.NAMESPACES)
        .filter(source -> source.kinds().stream().anyMatch(NamespaceSelection::governs))
        .toList();
  }

  /**
   * The mapping as published under this selection: unchanged when the namespace is selected; else
   * its application records become tombstones, and its other records (an east-west gateway's) stay.
   *
   * @param namespaceLabels the labels of the namespace the object is in (a Namespace's own); empty
   *     when that namespace is not known (not listed yet, or gone), which selects nothing
   */
  public Mapping apply(Mapping mapping, Optional<Map<String, String>> namespaceLabels) {
    if (selectsEverything() || namespaceLabels.map(this::selects).orElse(false)) {
      return mapping;
    }
    return new Mapping(
        mapping.writes().stream()
            .map(write -> governs(write.key().getKind()) ? Write.tombstone(write.key()) : write)
            .toList(),
        mapping.problems());
  }

  @Override
  public String toString() {
    return selectsEverything() ? "every namespace" : "namespaces with labels " + expression;
  }
}
