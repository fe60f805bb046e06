package dev.meshfed.translation.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.schema.desired.DesiredKey;
import dev.meshfed.schema.discovery.AgentState;
import dev.meshfed.schema.discovery.DiscoveredObject;
import dev.meshfed.schema.events.ApplyAction;
import dev.meshfed.schema.events.ApplyFailed;
import dev.meshfed.schema.kafka.AvroSerde;
import dev.meshfed.translation.model.ApplyFailureInput;
import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.model.ServiceInput;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

class InputIndexTest {

  private static final Discovered.Entry REVIEWS = Discovered.service("bookinfo", "reviews", 9080);
  private static final ObjectId REVIEWS_ID = id("cluster1", REVIEWS);

  private final KeyValueStore<String, DiscoveredObject> discovered =
      InMemoryStores.keyValue("inputs", new AvroSerde<>(DiscoveredObject.class));
  private final KeyValueStore<String, String> applyFailures =
      InMemoryStores.strings("apply-failures");

  @Test
  void restoresWhatTheStoresHold() {
    discovered.put(InputKeys.of(REVIEWS_ID), REVIEWS.value());
    DesiredKey entry =
        new DesiredKey("networking.istio.io/v1", "ServiceEntry", "istio-system", "e");
    applyFailures.put(
        ApplyFailureCodec.key("cluster2", entry),
        ApplyFailureCodec.value(new ApplyFailed(entry, ApplyAction.APPLY, 3, "denied", null)));
    applyFailures.put("\u0000version", "7");

    InputIndex index = InputIndex.restore(discovered, applyFailures);

    assertThat(index.mesh().get(REVIEWS_ID)).containsInstanceOf(ServiceInput.class);
    assertThat(index.mesh().all(ApplyFailureInput.class))
        .containsExactly(
            new ApplyFailureInput(
                ApplyFailureInput.id("cluster2", "ServiceEntry", "istio-system", "e"),
                "APPLY",
                3,
                "denied"));
    assertThat(index.mesh().size())
        .as("a store of an earlier version counted changes")
        .isEqualTo(2);
  }

  @Test
  void anUpdateKeepsTheStoreInStepAndTellsWhatChanged() {
    InputIndex index = InputIndex.restore(discovered, applyFailures);

    InputIndex.Change created = index.update(REVIEWS_ID, REVIEWS.value());
    assertThat(created.before()).isEmpty();
    assertThat(created.after()).isEqualTo(index.mesh().get(REVIEWS_ID)).isPresent();
    assertThat(discovered.get(InputKeys.of(REVIEWS_ID))).isEqualTo(REVIEWS.value());

    InputIndex.Change deleted = index.update(REVIEWS_ID, null);
    assertThat(deleted.before()).isEqualTo(created.after());
    assertThat(deleted.after()).isEmpty();
    assertThat(discovered.get(InputKeys.of(REVIEWS_ID))).isNull();
    assertThat(index.mesh().size()).isZero();
  }

  @Test
  void anApplyFailureIsAnInputUntilItIsCleared() {
    InputIndex index = InputIndex.restore(discovered, applyFailures);
    ObjectId id = ApplyFailureInput.id("cluster2", "ServiceEntry", "istio-system", "e");
    ApplyFailureInput failure = new ApplyFailureInput(id, "APPLY", 1, "denied");

    index.updateApplyFailure(id, failure);
    assertThat(index.mesh().inCluster("cluster2", ApplyFailureInput.class))
        .containsExactly(failure);

    index.updateApplyFailure(id, null);
    assertThat(index.mesh().size()).isZero();
  }

  @Test
  void findsTheAgentAClusterPublished() {
    InputIndex index = InputIndex.restore(discovered, applyFailures);
    Discovered.Entry agent = Discovered.agent();

    index.update(id("cluster1", agent), agent.value());

    assertThat(index.agentOf("cluster1")).containsInstanceOf(AgentState.class);
    assertThat(index.agentOf("cluster2")).isEmpty();
  }

  private static ObjectId id(String cluster, Discovered.Entry entry) {
    return new ObjectId(
        cluster, entry.key().getKind(), entry.key().getNamespace(), entry.key().getName());
  }
}
