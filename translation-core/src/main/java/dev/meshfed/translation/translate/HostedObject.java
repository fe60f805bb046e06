package dev.meshfed.translation.translate;

import dev.meshfed.translation.model.ObjectId;
import java.util.List;

/**
 * What the events about a federated host's ServiceEntry in one cluster say of it (HostFederated,
 * HostUpdated, HostWithdrawn): kept with a unit's summary, so that a host withdrawn later is still
 * told with what it was.
 */
public record HostedObject(
    String cluster,
    String kind,
    String namespace,
    String name,
    String host,
    String workspace,
    String sourceCluster,
    List<ObjectId> sources,
    String reason) {

  public HostedObject {
    sources = List.copyOf(sources);
  }

  /** The host's object, or null where the output is no federated host's. */
  static HostedObject of(Output output) {
    if (output.host() == null) {
      return null;
    }
    return new HostedObject(
        output.cluster(),
        output.kind(),
        output.namespace(),
        output.name(),
        output.host(),
        output.workspace(),
        output.sourceCluster(),
        output.sources(),
        output.reason());
  }
}
