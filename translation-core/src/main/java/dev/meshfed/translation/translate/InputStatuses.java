package dev.meshfed.translation.translate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshfed.schema.DiscoveredKinds;
import dev.meshfed.translation.model.ApplyFailureInput;
import dev.meshfed.translation.model.ClusterRegistrationInput;
import dev.meshfed.translation.model.EastWestGatewayInput;
import dev.meshfed.translation.model.Input;
import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.model.NamespaceInput;
import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.model.WorkspaceInput;
import dev.meshfed.translation.model.WorkspaceSettingsInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The status of every Workspace, WorkspaceSettings and KubernetesCluster that lives in one cluster:
 * a state from its diagnostics (INVALID over WARNING over ACCEPTED; a registration whose cluster
 * fails to apply objects is FAILED unless INVALID), the first of them as its message, the
 * generation it reflects, and counts as Gloo Mesh reports them.
 */
final class InputStatuses {

  private InputStatuses() {}

  static UnitResult translate(String cluster, MeshInputs inputs, Membership membership) {
    List<Input> configured = configuredInputs(cluster, inputs);
    if (configured.isEmpty()) {
      return UnitResult.EMPTY;
    }
    // counting reads every service: only workspaces and settings need it
    boolean counted = configured.stream().anyMatch(i -> !(i instanceof ClusterRegistrationInput));
    ServiceTally.Counts tally =
        counted ? ServiceTally.of(inputs, membership) : ServiceTally.Counts.NONE;
    List<StatusOutput> statuses = new ArrayList<>();
    for (Input input : configured) {
      ObjectNode counts = Manifests.objectNode();
      long generation = 0;
      if (input instanceof WorkspaceInput workspace) {
        workspaceCounts(workspace, membership, tally, counts);
        generation = workspace.generation();
      } else if (input instanceof WorkspaceSettingsInput settings) {
        settingsCounts(settings, inputs, membership, tally, counts);
        generation = settings.generation();
      } else if (input instanceof ClusterRegistrationInput registration) {
        registrationCounts(registration, inputs, membership, counts);
        generation = registration.generation();
      }
      statuses.add(status(input.id(), generation, membership, counts, failureOf(input, inputs)));
    }
    return new UnitResult(List.of(), List.of(), statuses);
  }

  private static List<Input> configuredInputs(String cluster, MeshInputs inputs) {
    List<Input> configured = new ArrayList<>();
    inputs.inCluster(cluster, WorkspaceInput.class).forEach(configured::add);
    inputs.inCluster(cluster, WorkspaceSettingsInput.class).forEach(configured::add);
    inputs.inCluster(cluster, ClusterRegistrationInput.class).forEach(configured::add);
    return configured;
  }

  /** Federated, exported and imported services per workspace, from one pass over the services. */
  private static void workspaceCounts(
      WorkspaceInput workspace,
      Membership membership,
      ServiceTally.Counts tally,
      ObjectNode counts) {
    String name = workspace.id().name();
    Optional<WorkspacePlan> plan =
        Optional.ofNullable(membership.workspaces().get(name))
            .filter(p -> p.workspace().id().equals(workspace.id()));
    counts.put("selectedClusters", plan.map(p -> p.namespacesByCluster().size()).orElse(0));
    counts.put(
        "selectedNamespaces",
        plan.map(p -> p.namespacesByCluster().values().stream().mapToInt(SortedSet::size).sum())
            .orElse(0));
    boolean accepted = plan.isPresent();
    counts.put("federatedServices", accepted ? tally.federated().getOrDefault(name, 0) : 0);
    counts.put("exportedServices", accepted ? tally.exported().getOrDefault(name, 0) : 0);
    counts.put("importedServices", accepted ? tally.imported().getOrDefault(name, 0) : 0);
    ObjectNode namespaces = counts.putObject("namespaces");
    plan.ifPresent(
        p ->
            p.namespacesByCluster()
                .forEach(
                    (cluster, names) ->
                        namespaces.set(cluster, Manifests.strings(List.copyOf(names)))));
  }

  private static void settingsCounts(
      WorkspaceSettingsInput settings,
      MeshInputs inputs,
      Membership membership,
      ServiceTally.Counts tally,
      ObjectNode counts) {
    Optional<WorkspacePlan> governed =
        membership.workspaces().values().stream()
            .filter(p -> p.settings().map(s -> s.id().equals(settings.id())).orElse(false))
            .findFirst();
    governed.ifPresent(plan -> counts.put("workspace", plan.name()));
    SortedSet<String> gateways = new TreeSet<>();
    governed.ifPresent(
        plan ->
            plan.namespacesByCluster()
                .keySet()
                .forEach(
                    cluster ->
                        ClusterMesh.gateway(inputs, cluster, settings.eastWestGateways())
                            .map(EastWestGatewayInput::id)
                            .map(ObjectId::ref)
                            .ifPresent(gateways::add)));
    counts.put("selectedEastWestGateways", gateways.size());
    counts.put(
        "federatedServices",
        governed.map(p -> tally.federated().getOrDefault(p.name(), 0)).orElse(0));
  }

  /** How many failing objects a registration's status lists, the first by kind, namespace, name. */
  static final int LISTED_FAILURES = 10;

  private static void registrationCounts(
      ClusterRegistrationInput registration,
      MeshInputs inputs,
      Membership membership,
      ObjectNode counts) {
    String cluster = registration.id().name();
    List<ApplyFailureInput> failures = inputs.inCluster(cluster, ApplyFailureInput.class).toList();
    counts.put("applyFailures", failures.size());
    ArrayNode failing = counts.putArray("failingObjects");
    failures.stream()
        .limit(LISTED_FAILURES)
        .forEach(
            f ->
                failing
                    .addObject()
                    .put("object", f.id().name())
                    .put("namespace", f.id().namespace())
                    .put("action", f.action())
                    .put("attempts", f.attempts())
                    .put("error", f.error()));
    counts.put("removed", membership.removal(cluster).isPresent());
    counts.put("namespaces", inputs.inCluster(cluster, NamespaceInput.class).count());
    counts.put(
        "workspaces",
        membership.workspaces().values().stream()
            .filter(p -> p.namespacesByCluster().containsKey(cluster))
            .count());
  }

  /** For a registration: why its cluster fails to apply, if it does. */
  private static Optional<String> failureOf(Input input, MeshInputs inputs) {
    if (!(input instanceof ClusterRegistrationInput registration)) {
      return Optional.empty();
    }
    String cluster = registration.id().name();
    List<ApplyFailureInput> failures = inputs.inCluster(cluster, ApplyFailureInput.class).toList();
    return failures.stream()
        .findFirst()
        .map(
            first ->
                "the distribution-service of cluster "
                    + cluster
                    + " cannot write "
                    + failures.size()
                    + " object(s), "
                    + first.id().name()
                    + " in "
                    + first.id().namespace()
                    + " first: "
                    + first.error());
  }

  private static StatusOutput status(
      ObjectId input,
      long generation,
      Membership membership,
      ObjectNode counts,
      Optional<String> failure) {
    List<Diagnostic> diagnostics =
        membership.diagnostics().stream().filter(d -> d.input().equals(input)).toList();
    return StatusOutputs.of(
        input, generation, diagnostics, counts, failure, acceptedMessage(input, membership));
  }

  private static String acceptedMessage(ObjectId input, Membership membership) {
    if (isRegistration(input)) {
      return membership
          .removal(input.name())
          .map(why -> "cluster " + input.name() + " is removed from the mesh: " + why)
          .orElse("cluster " + input.name() + " is registered");
    }
    return "accepted";
  }

  private static boolean isRegistration(ObjectId input) {
    return input.kind().equals(DiscoveredKinds.KUBERNETES_CLUSTER)
        || input.kind().equals(DiscoveredKinds.GLOO_KUBERNETES_CLUSTER);
  }
}
