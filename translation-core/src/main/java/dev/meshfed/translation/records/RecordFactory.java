package dev.meshfed.translation.records;

import dev.meshfed.schema.ObjectRef;
import dev.meshfed.schema.desired.DesiredKey;
import dev.meshfed.schema.desired.DesiredObject;
import dev.meshfed.schema.discovery.AgentState;
import dev.meshfed.schema.discovery.DiscoveryKey;
import dev.meshfed.schema.events.ClusterJoined;
import dev.meshfed.schema.events.ClusterLeft;
import dev.meshfed.schema.events.EventKey;
import dev.meshfed.schema.events.FederationEvent;
import dev.meshfed.schema.events.HostFederated;
import dev.meshfed.schema.events.HostUpdated;
import dev.meshfed.schema.events.HostWithdrawn;
import dev.meshfed.schema.events.InputAccepted;
import dev.meshfed.schema.events.InputRejected;
import dev.meshfed.schema.events.RecomputeFinished;
import dev.meshfed.schema.events.RecomputeStarted;
import dev.meshfed.schema.events.Severity;
import dev.meshfed.schema.events.TranslationBehind;
import dev.meshfed.schema.events.TranslationCaughtUp;
import dev.meshfed.schema.events.TranslationFailed;
import dev.meshfed.schema.status.InputState;
import dev.meshfed.schema.status.InputStatus;
import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.translate.Diagnostic;
import dev.meshfed.translation.translate.HostedObject;
import dev.meshfed.translation.translate.ManifestJson;
import dev.meshfed.translation.translate.Output;
import dev.meshfed.translation.translate.OutputDiff.HostChange;
import dev.meshfed.translation.translate.StatusOutput;
import dev.meshfed.translation.translate.UnitFailure;
import dev.meshfed.translation.translate.UnitId;
import dev.meshfed.translation.translate.WrittenObject;
import java.util.List;

/** From the translator's results to the wire format. */
public final class RecordFactory {

  private RecordFactory() {}

  public static TargetedKey key(Output output) {
    return new TargetedKey(
        output.cluster(),
        new DesiredKey(output.apiVersion(), output.kind(), output.namespace(), output.name()));
  }

  public static TargetedKey key(WrittenObject object) {
    return new TargetedKey(
        object.cluster(),
        new DesiredKey(object.apiVersion(), object.kind(), object.namespace(), object.name()));
  }

  public static DesiredObject desired(Output output) {
    return desired(output, output.manifest().toString());
  }

  /** With the manifest already written as JSON ({@link ManifestJson}). */
  public static DesiredObject desired(Output output, String manifestJson) {
    return DesiredObject.newBuilder()
        .setManifest(manifestJson)
        .setWorkspace(output.workspace())
        .setSources(refs(output.sources()))
        .build();
  }

  /** The key of an input's status: the input's own, on the topic of the cluster it lives in. */
  public static StatusKey statusKey(ObjectId input) {
    return new StatusKey(
        input.cluster(), new DiscoveryKey(input.kind(), input.namespace(), input.name()));
  }

  public static InputStatus status(StatusOutput status) {
    return InputStatus.newBuilder()
        .setApiVersion(status.apiVersion())
        .setState(InputState.valueOf(status.state().name()))
        .setMessage(status.message())
        .setObservedGeneration(status.observedGeneration())
        .setStatus(status.status().toString())
        .build();
  }

  public static EventKey hostKey(String host) {
    return new EventKey(host);
  }

  public static FederationEvent hostEvent(HostChange change) {
    HostedObject o = change.object();
    String host = o.host();
    String workspace = o.workspace();
    String source = o.sourceCluster();
    String target = o.cluster();
    ObjectRef object = new ObjectRef(o.cluster(), o.kind(), o.namespace(), o.name());
    List<ObjectRef> inputs = refs(o.sources());
    return switch (change.type()) {
      case FEDERATED ->
          event(o.reason(), new HostFederated(host, workspace, source, target, object, inputs));
      case UPDATED ->
          event(o.reason(), new HostUpdated(host, workspace, source, target, object, inputs));
      case WITHDRAWN ->
          event(
              host
                  + " is no longer federated into cluster "
                  + target
                  + " (was: "
                  + o.reason()
                  + ")",
              new HostWithdrawn(host, workspace, source, target, object, inputs));
    };
  }

  public static EventKey inputKey(Diagnostic diagnostic) {
    return new EventKey(diagnostic.input().ref());
  }

  public static FederationEvent diagnosticEvent(Diagnostic d, boolean raised) {
    ObjectRef input = ref(d.input());
    if (raised) {
      Severity severity = Severity.valueOf(d.severity().name());
      return event(
          d.severity() + ": " + d.message(), new InputRejected(input, severity, d.message()));
    }
    return event("resolved: " + d.message(), new InputAccepted(input, d.message()));
  }

  /** Keyed as the unit's input's other events are, or by the unit if it has no input. */
  public static EventKey unitKey(UnitId unit) {
    return new EventKey(UnitFailure.inputOf(unit).map(ObjectId::ref).orElse(unit.key()));
  }

  public static FederationEvent translationFailed(UnitId unit, String error) {
    ObjectRef input = UnitFailure.inputOf(unit).map(RecordFactory::ref).orElse(null);
    return event(
        "meshfed failed to translate " + unit.key() + " and keeps what it wrote before: " + error,
        new TranslationFailed(unit.key(), input, error));
  }

  public static EventKey clusterKey(String cluster) {
    return new EventKey(cluster);
  }

  public static FederationEvent clusterJoined(String cluster, AgentState agent) {
    return event(
        "cluster " + cluster + " joined: its discovery-service published a complete state",
        new ClusterJoined(cluster, agent.getDiscoveryVersion(), agent.getWatchedKinds()));
  }

  public static FederationEvent clusterRemoved(String cluster, String why) {
    return event(
        "cluster " + cluster + " left: it is removed from the mesh (" + why + ")",
        new ClusterLeft(cluster));
  }

  public static FederationEvent clusterLeft(String cluster) {
    return event(
        "cluster " + cluster + " left: its discovered state was withdrawn",
        new ClusterLeft(cluster));
  }

  public static final String TRANSLATION = "translation";

  /** The subject of translation-service's own progress events: they stay in order. */
  public static EventKey translationKey() {
    return new EventKey(TRANSLATION);
  }

  /**
   * The subject of one translation partition's progress events: {@code translation} when there is
   * one, {@code translation/<partition>} when the units are split among several.
   */
  public static EventKey translationKey(int partition, int partitions) {
    return partitions == 1 ? translationKey() : new EventKey(TRANSLATION + "/" + partition);
  }

  public static FederationEvent recomputeStarted(int units) {
    return event(
        "translation started recomputing all "
            + units
            + " units: outputs are incomplete until it"
            + " finishes",
        new RecomputeStarted(units));
  }

  public static FederationEvent recomputeFinished(int units, long tookMillis) {
    return event(
        "translation recomputed all " + units + " units in " + tookMillis + " ms",
        new RecomputeFinished(units, tookMillis));
  }

  public static FederationEvent translationBehind(int deferredUnits, boolean fullRecomputeDue) {
    String until =
        fullRecomputeDue
            ? "its full recompute finishes"
            : deferredUnits == 1
                ? "its deferred unit is written"
                : "its " + deferredUnits + " deferred units are written";
    return event(
        "translation is behind its input: outputs are incomplete until " + until,
        new TranslationBehind(deferredUnits, fullRecomputeDue));
  }

  public static FederationEvent translationCaughtUp(long behindMillis) {
    return event(
        "translation caught up: every output of its input is written, "
            + behindMillis
            + " ms after it fell behind",
        new TranslationCaughtUp(behindMillis));
  }

  /** A task's first word after it started, when it was not behind: nothing was caught up. */
  public static FederationEvent translationUpToDate() {
    return event(
        "translation is up to date: every output of its input is written",
        new TranslationCaughtUp(0L));
  }

  private static FederationEvent event(String message, Object typed) {
    return new FederationEvent(message, typed);
  }

  private static List<ObjectRef> refs(List<ObjectId> ids) {
    return ids.stream().map(RecordFactory::ref).toList();
  }

  private static ObjectRef ref(ObjectId id) {
    return new ObjectRef(id.cluster(), id.kind(), id.namespace(), id.name());
  }
}
