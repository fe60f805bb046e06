package dev.meshfed.translation.topology;

import dev.meshfed.schema.DiscoveredKinds;
import dev.meshfed.schema.discovery.AgentState;
import dev.meshfed.schema.discovery.DiscoveredObject;
import dev.meshfed.translation.model.ApplyFailureInput;
import dev.meshfed.translation.model.Input;
import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.records.InputConverter;
import java.util.Optional;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jboss.logging.Logger;

/**
 * Every cluster's inputs twice: as discovered, in the inputs store, which survives restarts; and as
 * the translator reads them, in {@link #mesh()}, rebuilt from the stores on start. The objects
 * distribution-services report they cannot write are inputs too; their store is the apply-report
 * processor's.
 */
final class InputIndex {

  private static final Logger LOG = Logger.getLogger(InputIndex.class);

  /** The name of every discovery-service's Agent record. */
  private static final String AGENT_NAME = "discovery";

  /** What a record changed: the input before and after (absent: none, or unreadable). */
  record Change(ObjectId id, Optional<Input> before, Optional<Input> after) {}

  private final KeyValueStore<String, DiscoveredObject> discovered;
  private final MeshInputs mesh = new MeshInputs();

  private InputIndex(KeyValueStore<String, DiscoveredObject> discovered) {
    this.discovered = discovered;
  }

  /** The inputs the stores hold. */
  static InputIndex restore(
      KeyValueStore<String, DiscoveredObject> discovered,
      KeyValueStore<String, String> applyFailures) {
    InputIndex index = new InputIndex(discovered);
    try (KeyValueIterator<String, DiscoveredObject> all = discovered.all()) {
      all.forEachRemaining(entry -> index.convert(InputKeys.parse(entry.key), entry.value));
    }
    try (KeyValueIterator<String, String> all = applyFailures.all()) {
      all.forEachRemaining(
          entry -> ApplyFailureCodec.input(entry.key, entry.value).ifPresent(index.mesh::put));
    }
    return index;
  }

  /** The inputs as the translator reads them: kept up to date, never to be changed by others. */
  MeshInputs mesh() {
    return mesh;
  }

  /** Records a cluster's discovered object, or its deletion ({@code null}). */
  Change update(ObjectId id, DiscoveredObject value) {
    Optional<Input> before = mesh.get(id);
    String storeKey = InputKeys.of(id);
    if (value == null) {
      discovered.delete(storeKey);
      mesh.remove(id);
    } else {
      discovered.put(storeKey, value);
      convert(id, value);
    }
    return new Change(id, before, mesh.get(id));
  }

  /**
   * Records what a distribution-service fails to write, or that it no longer does ({@code null}).
   */
  void updateApplyFailure(ObjectId id, ApplyFailureInput failure) {
    if (failure == null) {
      mesh.remove(id);
    } else {
      mesh.put(failure);
    }
  }

  /** The agent a cluster's discovery-service published, if it did. */
  Optional<AgentState> agentOf(String cluster) {
    DiscoveredObject agent =
        discovered.get(InputKeys.of(new ObjectId(cluster, DiscoveredKinds.AGENT, "", AGENT_NAME)));
    return agent != null && agent.getPayload() instanceof AgentState state
        ? Optional.of(state)
        : Optional.empty();
  }

  private void convert(ObjectId id, DiscoveredObject value) {
    InputConverter.toInput(id, value)
        .ifPresentOrElse(
            mesh::put,
            () -> LOG.warnf("Ignoring %s: its payload is of no kind this version knows", id));
  }
}
