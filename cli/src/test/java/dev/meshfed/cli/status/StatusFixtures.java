package dev.meshfed.cli.status;

import dev.meshfed.cli.audit.DesiredEntry;
import dev.meshfed.cli.events.EventView;
import dev.meshfed.schema.ObjectRef;
import dev.meshfed.schema.desired.DesiredKey;
import dev.meshfed.schema.discovery.AgentState;
import dev.meshfed.schema.discovery.ControlPlaneState;
import dev.meshfed.schema.discovery.DiscoveredObject;
import dev.meshfed.schema.discovery.NamespaceSelector;
import dev.meshfed.schema.discovery.NamespaceState;
import dev.meshfed.schema.discovery.ServiceState;
import dev.meshfed.schema.discovery.WorkloadClusterSelector;
import dev.meshfed.schema.discovery.WorkspaceState;
import dev.meshfed.schema.events.ApplyAction;
import dev.meshfed.schema.events.ApplyFailed;
import dev.meshfed.schema.events.ClusterConverged;
import dev.meshfed.schema.events.DriftKind;
import dev.meshfed.schema.events.DriftRepaired;
import dev.meshfed.schema.events.FederationEvent;
import dev.meshfed.schema.events.InputAccepted;
import dev.meshfed.schema.events.InputRejected;
import dev.meshfed.schema.events.RecomputeFinished;
import dev.meshfed.schema.events.RecomputeStarted;
import dev.meshfed.schema.events.Severity;
import dev.meshfed.schema.events.TranslationBehind;
import dev.meshfed.schema.events.TranslationCaughtUp;
import dev.meshfed.schema.status.InputState;
import dev.meshfed.schema.status.InputStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Records as the services write them, for the status model's tests. */
final class StatusFixtures {

  static final Instant NOW = Instant.parse("2026-11-22T14:00:00Z");

  private StatusFixtures() {}

  static DiscoveredRecord agent(Instant at) {
    return discovered("Agent", "", "discovery", new AgentState("0.1.0", List.of()), at);
  }

  static DiscoveredRecord namespace(String name, Instant at) {
    return discovered("Namespace", "", name, NamespaceState.newBuilder().build(), at);
  }

  static DiscoveredRecord service(String name, Instant at) {
    return discovered("Service", "bookinfo", name, ServiceState.newBuilder().build(), at);
  }

  static DiscoveredRecord controlPlane(String name, String version, Instant at) {
    return discovered(
        "ControlPlane",
        "istio-system",
        name,
        new ControlPlaneState(
            "docker.io/istio/pilot:" + version, version, null, java.util.Map.of()),
        at);
  }

  /** A Workspace selecting {@code cluster/namespace} pairs given as "cluster/namespace". */
  static DiscoveredRecord workspace(String name, Instant at, String... selects) {
    List<WorkloadClusterSelector> clusters =
        List.of(selects).stream()
            .map(s -> s.split("/"))
            .map(
                s ->
                    new WorkloadClusterSelector(
                        s[0], List.of(new NamespaceSelector(s[1], Map.of())), Map.of()))
            .toList();
    return discovered("Workspace", "gloo-mesh", name, new WorkspaceState(clusters, Map.of()), at);
  }

  static DiscoveredRecord discovered(
      String kind, String namespace, String name, Object payload, Instant at) {
    return discovered(kind, namespace, name, payload, at, 1L);
  }

  static DiscoveredRecord discovered(
      String kind, String namespace, String name, Object payload, Instant at, long generation) {
    return new DiscoveredRecord(
        kind,
        namespace,
        name,
        new DiscoveredObject("v1", "uid-" + name, generation, null, payload, List.of()),
        at.toEpochMilli());
  }

  /** Translation's status of an input, {@code counts} as JSON fields ("selectedRoutes": 2). */
  static InputStatusRecord status(
      String kind,
      String namespace,
      String name,
      InputState state,
      String message,
      long observedGeneration,
      String counts) {
    String json =
        "{\"state\":\""
            + state
            + "\",\"message\":\""
            + message
            + "\",\"observedGeneration\":"
            + observedGeneration
            + ",\"diagnostics\":[]"
            + (counts.isEmpty() ? "" : "," + counts)
            + "}";
    return new InputStatusRecord(
        kind,
        namespace,
        name,
        new InputStatus("meshfed.dev/v1alpha1", state, message, observedGeneration, json));
  }

  static InputStatusRecord statusDeleted(String kind, String namespace, String name) {
    return new InputStatusRecord(kind, namespace, name, null);
  }

  static DiscoveredRecord deleted(DiscoveredRecord record, Instant at) {
    return new DiscoveredRecord(
        record.kind(), record.namespace(), record.name(), null, at.toEpochMilli());
  }

  /** A ServiceEntry federating {@code host} for {@code workspace}. */
  static DesiredEntry desired(String host, String workspace, long offset) {
    String name = host.replace('.', '-');
    String manifest =
        "{\"apiVersion\":\"networking.istio.io/v1\",\"kind\":\"ServiceEntry\",\"metadata\":"
            + "{\"name\":\""
            + name
            + "\",\"namespace\":\"istio-system\",\"annotations\":{\"meshfed.dev/host\":\""
            + host
            + "\"}},\"spec\":{\"hosts\":[\""
            + host
            + "\"]}}";
    return new DesiredEntry(
        "networking.istio.io/v1",
        "ServiceEntry",
        "istio-system",
        name,
        manifest,
        workspace,
        List.of(),
        NOW.toEpochMilli(),
        offset);
  }

  static DesiredEntry tombstone(String host, long offset) {
    return new DesiredEntry(
        "networking.istio.io/v1",
        "ServiceEntry",
        "istio-system",
        host.replace('.', '-'),
        null,
        null,
        List.of(),
        NOW.toEpochMilli(),
        offset);
  }

  static EventView converged(String cluster, Instant at, Long desiredOffset) {
    return new EventView(
        at.toEpochMilli(),
        cluster,
        new FederationEvent("converged", new ClusterConverged(3, 3L, 0L, 0L, desiredOffset, 0)));
  }

  static EventView applyFailed(String cluster, String name, String error, Instant at) {
    DesiredKey object =
        new DesiredKey("networking.istio.io/v1", "ServiceEntry", "istio-system", name);
    return new EventView(
        at.toEpochMilli(),
        cluster,
        new FederationEvent(
            "cannot apply " + name, new ApplyFailed(object, ApplyAction.APPLY, 2, error, null)));
  }

  /** A failure to apply {@code name} because an object meshfed does not manage has its name. */
  static EventView inTheWay(String cluster, String name, Instant at) {
    DesiredKey object = new DesiredKey("networking.istio.io/v1", "ServiceEntry", "apps", name);
    return new EventView(
        at.toEpochMilli(),
        cluster,
        new FederationEvent(
            "cannot apply " + name,
            new ApplyFailed(
                object,
                ApplyAction.APPLY,
                4,
                "ServiceEntry apps/" + name + " exists and is not managed by meshfed",
                DriftKind.UNMANAGED)));
  }

  static EventView driftRepaired(
      String cluster, String name, DriftKind drift, List<String> fields, Instant at) {
    DesiredKey object = new DesiredKey("networking.istio.io/v1", "ServiceEntry", "apps", name);
    return new EventView(
        at.toEpochMilli(),
        cluster,
        new FederationEvent(
            "repaired " + name,
            new DriftRepaired(
                object, drift, fields, fields.isEmpty() ? List.of() : List.of("kubectl"))));
  }

  static EventView rejected(ObjectRef input, String reason, Instant at) {
    return new EventView(
        at.toEpochMilli(),
        null,
        new FederationEvent(
            "INVALID: " + reason, new InputRejected(input, Severity.INVALID, reason)));
  }

  static EventView recomputeStarted(int units, Instant at) {
    return new EventView(
        at.toEpochMilli(), null, new FederationEvent("started", new RecomputeStarted(units)));
  }

  static EventView recomputeFinished(int units, long tookMillis, Instant at) {
    return new EventView(
        at.toEpochMilli(),
        null,
        new FederationEvent("finished", new RecomputeFinished(units, tookMillis)));
  }

  static EventView translationBehind(int deferredUnits, Instant at) {
    return new EventView(
        at.toEpochMilli(),
        null,
        new FederationEvent("behind", new TranslationBehind(deferredUnits, false)));
  }

  static EventView translationCaughtUp(long behindMillis, Instant at) {
    return new EventView(
        at.toEpochMilli(),
        null,
        new FederationEvent("caught up", new TranslationCaughtUp(behindMillis)));
  }

  static EventView accepted(ObjectRef input, String reason, Instant at) {
    return new EventView(
        at.toEpochMilli(),
        null,
        new FederationEvent("resolved: " + reason, new InputAccepted(input, reason)));
  }

  static ClusterRecords cluster(
      String name,
      List<DiscoveredRecord> discovered,
      List<DesiredEntry> desired,
      List<EventView> applied) {
    return new ClusterRecords(
        name, discovered, desired, applied, new TranslationProgress(0, discovered.size(), null));
  }
}
