package dev.meshfed.discovery.model;

import dev.meshfed.schema.DiscoveredKinds;
import dev.meshfed.schema.discovery.AgentState;
import dev.meshfed.schema.discovery.DiscoveredObject;
import dev.meshfed.schema.discovery.DiscoveryKey;
import java.util.Collection;

/**
 * The record that says the cluster has joined and its topic is complete: sent once the informers
 * have synced and the stale keys are tombstoned.
 */
public final class AgentRecord {

  public static final DiscoveryKey KEY = Keys.of(DiscoveredKinds.AGENT, "", "discovery");

  private AgentRecord() {}

  /**
   * @param runId identifies this run of the service (the record's uid): a restart is visible
   * @param watched the sources discovery watches in this cluster: their kinds are the ones its
   *     topic is complete for
   */
  public static Write of(String discoveryVersion, String runId, Collection<Source> watched) {
    var state = new AgentState(discoveryVersion, Source.publishedKinds(watched));
    var value =
        DiscoveredObject.newBuilder()
            .setApiVersion(MeshfedResource.API_VERSION)
            .setUid(runId)
            .setPayload(state)
            .build();
    return new Write(KEY, value);
  }
}
