package dev.meshfed.cli.events;

import dev.meshfed.schema.ObjectRef;
import dev.meshfed.schema.events.FederationEvent;
import dev.meshfed.schema.events.FederationEventType;
import java.util.List;

/** Events as translation-service writes them. */
final class Events {

  private Events() {}

  static FederationEvent federated(String host, String workspace, String from, String into) {
    return FederationEvent.newBuilder()
        .setType(FederationEventType.HOST_FEDERATED)
        .setHost(host)
        .setWorkspace(workspace)
        .setSourceCluster(from)
        .setTargetCluster(into)
        .setObject(new ObjectRef(into, "ServiceEntry", "istio-system", host.replace('.', '-')))
        .setInputs(List.of(new ObjectRef(from, "Service", "bookinfo", host.split("\\.")[0])))
        .setMessage(host + " federated into " + into)
        .build();
  }

  static FederationEvent rejected(String cluster, String message) {
    ObjectRef input = new ObjectRef(cluster, "WorkspaceSettings", "other", "stray");
    return FederationEvent.newBuilder()
        .setType(FederationEventType.INPUT_REJECTED)
        .setSourceCluster(cluster)
        .setObject(input)
        .setInputs(List.of(input))
        .setMessage(message)
        .build();
  }
}
