package dev.meshfed.translation.topology;

import dev.meshfed.schema.ObjectRef;
import dev.meshfed.schema.desired.DesiredKey;
import dev.meshfed.schema.desired.DesiredObject;
import dev.meshfed.schema.events.EventKey;
import dev.meshfed.schema.events.FederationEvent;
import dev.meshfed.schema.events.FederationEventType;
import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.translate.Diagnostic;
import dev.meshfed.translation.translate.Output;
import dev.meshfed.translation.translate.OutputDiff.HostChange;
import java.util.List;

/** From the translator's results to the wire format. */
final class RecordFactory {

  private RecordFactory() {}

  static TargetedKey key(Output output) {
    return new TargetedKey(
        output.cluster(),
        new DesiredKey(output.apiVersion(), output.kind(), output.namespace(), output.name()));
  }

  static DesiredObject desired(Output output) {
    return DesiredObject.newBuilder()
        .setManifest(output.manifest().toString())
        .setWorkspace(output.workspace())
        .setSources(refs(output.sources()))
        .build();
  }

  static EventKey hostKey(String host) {
    return new EventKey(host);
  }

  static FederationEvent hostEvent(HostChange change) {
    Output o = change.output();
    FederationEventType type =
        switch (change.type()) {
          case FEDERATED -> FederationEventType.HOST_FEDERATED;
          case UPDATED -> FederationEventType.HOST_UPDATED;
          case WITHDRAWN -> FederationEventType.HOST_WITHDRAWN;
        };
    String message =
        switch (change.type()) {
          case FEDERATED, UPDATED -> o.reason();
          case WITHDRAWN ->
              o.host()
                  + " is no longer federated into cluster "
                  + o.cluster()
                  + " (was: "
                  + o.reason()
                  + ")";
        };
    return FederationEvent.newBuilder()
        .setType(type)
        .setHost(o.host())
        .setWorkspace(o.workspace())
        .setSourceCluster(o.sourceCluster())
        .setTargetCluster(o.cluster())
        .setObject(new ObjectRef(o.cluster(), o.kind(), o.namespace(), o.name()))
        .setInputs(refs(o.sources()))
        .setMessage(message)
        .build();
  }

  static EventKey inputKey(Diagnostic diagnostic) {
    return new EventKey(diagnostic.input().ref());
  }

  static FederationEvent diagnosticEvent(Diagnostic d, boolean raised) {
    ObjectId input = d.input();
    return FederationEvent.newBuilder()
        .setType(raised ? FederationEventType.INPUT_REJECTED : FederationEventType.INPUT_ACCEPTED)
        .setSourceCluster(input.cluster())
        .setObject(ref(input))
        .setInputs(List.of(ref(input)))
        .setMessage(raised ? d.severity() + ": " + d.message() : "resolved: " + d.message())
        .build();
  }

  private static List<ObjectRef> refs(List<ObjectId> ids) {
    return ids.stream().map(RecordFactory::ref).toList();
  }

  private static ObjectRef ref(ObjectId id) {
    return new ObjectRef(id.cluster(), id.kind(), id.namespace(), id.name());
  }
}
