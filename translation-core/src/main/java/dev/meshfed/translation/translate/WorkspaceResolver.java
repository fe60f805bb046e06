package dev.meshfed.translation.translate;

import dev.meshfed.schema.DiscoveredKinds;
import dev.meshfed.translation.model.ClusterRegistrationInput;
import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.model.NamespaceInput;
import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.model.RejectedInput;
import dev.meshfed.translation.model.WorkspaceInput;
import dev.meshfed.translation.model.WorkspaceSettingsInput;
import dev.meshfed.translation.model.WorkspaceSettingsInput.Federation;
import dev.meshfed.translation.model.WorkspaceSettingsInput.PortSelector;
import dev.meshfed.translation.translate.Diagnostic.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Resolves which workspace owns each namespace and which settings govern each workspace. Older
 * objects win every tie (creation time, then identity), so the result never depends on arrival
 * order.
 */
public final class WorkspaceResolver {

  private static final Pattern DNS_SUFFIX =
      Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)*");

  private static final Comparator<String> OLDEST_FIRST =
      Comparator.nullsLast(Comparator.naturalOrder());

  private final TranslationSettings settings;
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private final SortedMap<ClusterNamespace, String> owner = new TreeMap<>();
  private final SortedMap<String, String> removed = new TreeMap<>();

  private WorkspaceResolver(TranslationSettings settings) {
    this.settings = settings;
  }

  public static Membership resolve(MeshInputs inputs, TranslationSettings settings) {
    return new WorkspaceResolver(settings).run(inputs);
  }

  private Membership run(MeshInputs inputs) {
    SortedMap<String, ClusterRegistrationInput> registrations = acceptedRegistrations(inputs);
    removeClusters(inputs, registrations);
    SortedMap<String, Map<String, String>> clusterLabels = new TreeMap<>();
    registrations.forEach(
        (cluster, registration) -> clusterLabels.put(cluster, registration.labels()));
    List<WorkspaceInput> workspaces = acceptedWorkspaces(inputs);
    SortedMap<String, SortedMap<String, SortedSet<String>>> namespaces = new TreeMap<>();
    for (WorkspaceInput workspace : workspaces) {
      namespaces.put(workspace.id().name(), claimNamespaces(workspace, inputs, clusterLabels));
    }
    Map<String, WorkspaceSettingsInput> settingsByWorkspace = attachSettings(inputs);
    SortedMap<String, WorkspacePlan> plans = new TreeMap<>();
    for (WorkspaceInput workspace : workspaces) {
      String name = workspace.id().name();
      Optional<WorkspaceSettingsInput> governing =
          Optional.ofNullable(settingsByWorkspace.get(name));
      governing.ifPresent(this::checkIsolation);
      Optional<FederationPlan> federation = governing.flatMap(this::federationPlan);
      plans.put(name, new WorkspacePlan(workspace, namespaces.get(name), governing, federation));
    }
    diagnostics.addAll(SharingCheck.check(plans));
    reportReadProblems(inputs);
    diagnostics.sort(Comparator.naturalOrder());
    return new Membership(
        owner,
        plans,
        clusterLabels,
        removed,
        hostSuffixes(inputs, plans),
        List.copyOf(diagnostics));
  }

  /**
   * What discovery could not read of the objects users write: the rest of each was read and
   * applies, so they are warnings that name the field.
   */
  private void reportReadProblems(MeshInputs inputs) {
    Stream.of(WorkspaceInput.class, WorkspaceSettingsInput.class, ClusterRegistrationInput.class)
        .flatMap(inputs::all)
        .forEach(
            input ->
                input
                    .problems()
                    .forEach(
                        problem ->
                            diagnostics.add(
                                new Diagnostic(
                                    input.id(),
                                    Severity.WARNING,
                                    problem + "; the field is ignored, the rest applies"))));
    // a refused Service is its own unit's to report; Namespaces and gateways have no unit
    inputs
        .all(RejectedInput.class)
        .filter(rejected -> !rejected.id().kind().equals(DiscoveredKinds.SERVICE))
        .forEach(
            rejected ->
                rejected
                    .problems()
                    .forEach(
                        problem ->
                            diagnostics.add(
                                new Diagnostic(
                                    rejected.id(),
                                    Severity.INVALID,
                                    problem
                                        + "; the Kubernetes API server would refuse this "
                                        + rejected.id().kind()
                                        + ", so meshfed ignores it"))));
  }

  private SortedSet<String> hostSuffixes(
      MeshInputs inputs, SortedMap<String, WorkspacePlan> plans) {
    SortedSet<String> suffixes = new TreeSet<>();
    suffixes.add(settings.defaultHostSuffix());
    plans.values().forEach(w -> w.federation().ifPresent(plan -> suffixes.add(plan.hostSuffix())));
    inputs
        .all(WorkspaceSettingsInput.class)
        .map(WorkspaceSettingsInput::federation)
        .filter(f -> f != null && f.hostSuffix() != null && !f.hostSuffix().isEmpty())
        .forEach(f -> suffixes.add(f.hostSuffix()));
    return suffixes;
  }

  /**
   * The registration that counts for each cluster: the first KubernetesCluster of its name in the
   * management cluster. Others are INVALID.
   */
  private SortedMap<String, ClusterRegistrationInput> acceptedRegistrations(MeshInputs inputs) {
    SortedMap<String, ClusterRegistrationInput> accepted = new TreeMap<>();
    inputs
        .all(ClusterRegistrationInput.class)
        .forEach(
            registration -> {
              ObjectId id = registration.id();
              if (!id.cluster().equals(settings.managementCluster())) {
                invalid(
                    id,
                    "KubernetesCluster registrations are read from the management cluster '"
                        + settings.managementCluster()
                        + "' only");
                return;
              }
              ClusterRegistrationInput earlier = accepted.putIfAbsent(id.name(), registration);
              if (earlier != null) {
                invalid(
                    id, "cluster " + id.name() + " is already registered by " + earlier.id().ref());
              }
            });
    return accepted;
  }

  /**
   * Clusters out of the mesh: those whose registration sets spec.removed, and, when registration is
   * required (always, or in auto mode once any cluster is registered), those with none. The
   * management cluster is never removed.
   */
  private void removeClusters(
      MeshInputs inputs, SortedMap<String, ClusterRegistrationInput> registrations) {
    registrations.values().stream()
        .filter(ClusterRegistrationInput::removed)
        .forEach(
            registration -> {
              if (registration.id().name().equals(settings.managementCluster())) {
                invalid(registration.id(), "the management cluster cannot be removed");
              } else {
                removed.put(
                    registration.id().name(), registration.id().ref() + " sets spec.removed");
              }
            });
    ClusterRegistration mode = settings.clusterRegistration();
    if (!mode.requiredWith(registrations.size())) {
      return;
    }
    String why =
        mode == ClusterRegistration.REQUIRED
            ? "meshfed.cluster-registration=required"
            : "the management cluster registers other clusters"
                + " (meshfed.cluster-registration=auto)";
    for (String cluster : inputs.clusters()) {
      if (!cluster.equals(settings.managementCluster()) && !registrations.containsKey(cluster)) {
        removed.putIfAbsent(
            cluster, "it has no KubernetesCluster in the management cluster, and " + why);
      }
    }
  }

  private List<WorkspaceInput> acceptedWorkspaces(MeshInputs inputs) {
    List<WorkspaceInput> accepted = new ArrayList<>();
    Map<String, WorkspaceInput> byName = new HashMap<>();
    inputs
        .all(WorkspaceInput.class)
        .sorted(
            Comparator.comparing(WorkspaceInput::creationTimestamp, OLDEST_FIRST)
                .thenComparing(WorkspaceInput::id))
        .forEach(
            workspace -> {
              WorkspaceInput older = byName.get(workspace.id().name());
              if (!workspace.id().cluster().equals(settings.managementCluster())) {
                invalid(
                    workspace.id(),
                    "Workspaces are read from the management cluster '"
                        + settings.managementCluster()
                        + "' only");
              } else if (older != null) {
                invalid(
                    workspace.id(),
                    "workspace name '"
                        + workspace.id().name()
                        + "' is already taken by the older "
                        + older.id().ref());
              } else {
                byName.put(workspace.id().name(), workspace);
                accepted.add(workspace);
              }
            });
    return accepted;
  }

  private SortedMap<String, SortedSet<String>> claimNamespaces(
      WorkspaceInput workspace,
      MeshInputs inputs,
      SortedMap<String, Map<String, String>> clusterLabels) {
    SortedMap<String, SortedSet<String>> claimed = new TreeMap<>();
    for (String cluster : inputs.clusters()) {
      if (removed.containsKey(cluster)) {
        continue;
      }
      Map<String, String> labels = clusterLabels.get(cluster);
      inputs
          .inCluster(cluster, NamespaceInput.class)
          .filter(ns -> selects(workspace, labels, ns))
          .forEach(ns -> claim(workspace, cluster, ns.id().name(), claimed));
    }
    return claimed;
  }

  /**
   * Whether the workspace's workloadClusters select a namespace, in a cluster with these
   * registration labels (null: the cluster has no registration, so no selector matches it).
   */
  static boolean selects(
      WorkspaceInput workspace, Map<String, String> clusterLabels, NamespaceInput namespace) {
    String cluster = namespace.id().cluster();
    return workspace.workloadClusters().stream()
        .filter(clusters -> Selectors.matchesNameOrAny(clusters.name(), cluster))
        .filter(clusters -> selectsRegistration(clusters.selector(), clusterLabels))
        .flatMap(clusters -> clusters.namespaces().stream())
        .anyMatch(
            selector ->
                Selectors.matchesNameOrAny(selector.name(), namespace.id().name())
                    && Selectors.containsAll(namespace.labels(), selector.labels()));
  }

  private static boolean selectsRegistration(
      Map<String, String> selector, Map<String, String> clusterLabels) {
    return selector.isEmpty()
        || (clusterLabels != null && Selectors.containsAll(clusterLabels, selector));
  }

  private void claim(
      WorkspaceInput workspace,
      String cluster,
      String namespace,
      SortedMap<String, SortedSet<String>> claimed) {
    ClusterNamespace key = new ClusterNamespace(cluster, namespace);
    String current = owner.putIfAbsent(key, workspace.id().name());
    if (current == null || current.equals(workspace.id().name())) {
      claimed.computeIfAbsent(cluster, c -> new TreeSet<>()).add(namespace);
    } else {
      diagnostics.add(
          new Diagnostic(
              workspace.id(),
              Severity.WARNING,
              "namespace "
                  + namespace
                  + " of cluster "
                  + cluster
                  + " already belongs to the older workspace "
                  + current
                  + "; it is not part of this one"));
    }
  }

  private Map<String, WorkspaceSettingsInput> attachSettings(MeshInputs inputs) {
    Map<String, WorkspaceSettingsInput> byWorkspace = new HashMap<>();
    inputs
        .all(WorkspaceSettingsInput.class)
        .sorted(
            Comparator.comparing(WorkspaceSettingsInput::creationTimestamp, OLDEST_FIRST)
                .thenComparing(WorkspaceSettingsInput::id))
        .forEach(s -> attach(s, byWorkspace));
    return byWorkspace;
  }

  private void attach(
      WorkspaceSettingsInput candidate, Map<String, WorkspaceSettingsInput> byWorkspace) {
    ObjectId id = candidate.id();
    if (removed.containsKey(id.cluster())) {
      invalid(
          id,
          "cluster "
              + id.cluster()
              + " is removed from the mesh ("
              + removed.get(id.cluster())
              + "); these settings have no effect");
      return;
    }
    String workspace = owner.get(new ClusterNamespace(id.cluster(), id.namespace()));
    if (workspace == null) {
      invalid(
          id,
          "namespace "
              + id.namespace()
              + " of cluster "
              + id.cluster()
              + " belongs to no workspace; these settings have no effect");
      return;
    }
    WorkspaceSettingsInput older = byWorkspace.putIfAbsent(workspace, candidate);
    if (older != null) {
      invalid(
          id,
          "workspace "
              + workspace
              + " is already configured by the older "
              + older.id().ref()
              + "; these settings have no effect");
    }
  }

  private void checkIsolation(WorkspaceSettingsInput settingsInput) {
    if (settingsInput.isolation() != null
        && settingsInput.isolation().trimProxyConfig()
        && !settingsInput.isolates()) {
      diagnostics.add(
          new Diagnostic(
              settingsInput.id(),
              Severity.WARNING,
              "options.serviceIsolation.trimProxyConfig has no effect unless"
                  + " options.serviceIsolation.enabled is true"));
    }
  }

  private Optional<FederationPlan> federationPlan(WorkspaceSettingsInput settingsInput) {
    Federation federation = settingsInput.federation();
    if (federation == null || !federation.enabled()) {
      return Optional.empty();
    }
    String suffix =
        federation.hostSuffix() == null || federation.hostSuffix().isEmpty()
            ? settings.defaultHostSuffix()
            : federation.hostSuffix();
    if (suffix.length() > 253 || !DNS_SUFFIX.matcher(suffix).matches()) {
      invalid(
          settingsInput.id(),
          "options.federation.hostSuffix '"
              + suffix
              + "' is not a DNS suffix (lowercase labels separated by dots); federation is off");
      return Optional.empty();
    }
    if (federation.selectors().isEmpty()) {
      diagnostics.add(
          new Diagnostic(
              settingsInput.id(),
              Severity.WARNING,
              "federation is enabled but options.federation.serviceSelector is empty, so no"
                  + " service is federated; use [{}] to select every service"));
    }
    for (int i = 0; i < federation.ports().size(); i++) {
      PortSelector port = federation.ports().get(i);
      if (port.number() == null && (port.name() == null || port.name().isEmpty())) {
        diagnostics.add(
            new Diagnostic(
                settingsInput.id(),
                Severity.WARNING,
                "options.federation.ports["
                    + i
                    + "] names no port (number or name); it selects none"));
      }
    }
    return Optional.of(new FederationPlan(settingsInput, suffix, federation.selectors()));
  }

  private void invalid(ObjectId id, String message) {
    diagnostics.add(new Diagnostic(id, Severity.INVALID, message));
  }
}
