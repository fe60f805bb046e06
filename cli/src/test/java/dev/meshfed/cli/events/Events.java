package dev.meshfed.cli.events;

import dev.meshfed.schema.ObjectRef;
import dev.meshfed.schema.desired.DesiredKey;
import dev.meshfed.schema.events.ApplyAction;
import dev.meshfed.schema.events.ApplyFailed;
import dev.meshfed.schema.events.FederationEvent;
import dev.meshfed.schema.events.HostFederated;
import dev.meshfed.schema.events.InputRejected;
import dev.meshfed.schema.events.Severity;
import java.util.List;

/** Events as the services write them. */
public final class Events {

  private Events() {}

  public static FederationEvent federated(String host, String workspace, String from, String into) {
    ObjectRef object = new ObjectRef(into, "ServiceEntry", "istio-system", host.replace('.', '-'));
    ObjectRef service = new ObjectRef(from, "Service", "bookinfo", host.split("\\.")[0]);
    return new FederationEvent(
        host + " federated into " + into,
        new HostFederated(host, workspace, from, into, object, List.of(service)));
  }

  public static FederationEvent rejected(String cluster, String message) {
    ObjectRef input = new ObjectRef(cluster, "WorkspaceSettings", "other", "stray");
    return new FederationEvent(message, new InputRejected(input, Severity.INVALID, message));
  }

  public static FederationEvent applyFailed(String name, String error) {
    DesiredKey object =
        new DesiredKey("networking.istio.io/v1", "ServiceEntry", "istio-system", name);
    return new FederationEvent(
        "cannot apply " + name + ": " + error,
        new ApplyFailed(object, ApplyAction.APPLY, 1, error, null));
  }

  public static EventView view(long timestamp, FederationEvent event) {
    return new EventView(timestamp, null, event);
  }
}
