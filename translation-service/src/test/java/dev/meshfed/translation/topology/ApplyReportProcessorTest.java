package dev.meshfed.translation.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.schema.desired.DesiredKey;
import dev.meshfed.schema.discovery.DiscoveredObject;
import dev.meshfed.schema.events.ApplyAction;
import dev.meshfed.schema.events.ApplyFailed;
import dev.meshfed.schema.events.ClusterConverged;
import dev.meshfed.schema.events.EventKey;
import dev.meshfed.schema.events.FederationEvent;
import dev.meshfed.schema.kafka.AvroSerde;
import dev.meshfed.schema.kafka.Topics;
import dev.meshfed.translation.model.ApplyFailureInput;
import dev.meshfed.translation.model.ObjectId;
import java.util.List;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApplyReportProcessorTest {

  private static final DesiredKey ENTRY =
      new DesiredKey("networking.istio.io/v1", "ServiceEntry", "istio-system", "reviews");
  private static final ObjectId ENTRY_IN_CLUSTER2 =
      ApplyFailureInput.id("cluster2", "ServiceEntry", "istio-system", "reviews");

  private final MockProcessorContext<ObjectId, ApplyFailureInput> context =
      new MockProcessorContext<>();
  private final KeyValueStore<String, String> store =
      InMemoryStores.strings(TranslationTopology.APPLY_FAILURES_STORE);
  private final ApplyReportProcessor processor = new ApplyReportProcessor();

  @BeforeEach
  void init() {
    context.addStateStore(store);
    processor.init(context);
  }

  @Test
  void aFailureIsKeptAndPassedOnAsAnInput() {
    report("cluster2", new ApplyFailed(ENTRY, ApplyAction.APPLY, 2, "denied", null), 17);

    ApplyFailureInput failure = new ApplyFailureInput(ENTRY_IN_CLUSTER2, "APPLY", 2, "denied");
    assertThat(forwarded()).containsExactly(new Record<>(ENTRY_IN_CLUSTER2, failure, 17));
    assertThat(InputIndex.restore(emptyInputs(), store).mesh().get(ENTRY_IN_CLUSTER2))
        .as("restored after a restart")
        .contains(failure);
  }

  @Test
  void aConvergenceClearsOnlyItsOwnClustersFailures() {
    report("cluster2", new ApplyFailed(ENTRY, ApplyAction.APPLY, 2, "denied", null), 1);
    report("cluster3", new ApplyFailed(ENTRY, ApplyAction.DELETE, 1, "gone", null), 2);
    context.resetForwards();

    report("cluster2", new ClusterConverged(3, 3L, 0L, 0L, 7L, 0), 3);

    assertThat(forwarded()).containsExactly(new Record<>(ENTRY_IN_CLUSTER2, null, 3));
    assertThat(InputIndex.restore(emptyInputs(), store).mesh().all(ApplyFailureInput.class))
        .extracting(f -> f.id().cluster())
        .containsExactly("cluster3");
  }

  @Test
  void failuresKeptBeforeARestartAreClearedByTheNextConvergence() {
    report("cluster2", new ApplyFailed(ENTRY, ApplyAction.APPLY, 2, "denied", null), 1);
    ApplyReportProcessor restarted = new ApplyReportProcessor();
    restarted.init(context);
    context.resetForwards();

    context.setRecordMetadata(Topics.applyFailures("cluster2").name(), 0, 0);
    restarted.process(
        new Record<>(
            new EventKey("cluster2"),
            new FederationEvent("report", new ClusterConverged(3, 3L, 0L, 0L, 7L, 0)),
            5));

    assertThat(forwarded()).containsExactly(new Record<>(ENTRY_IN_CLUSTER2, null, 5));
    assertThat(store.approximateNumEntries()).isZero();
  }

  private void report(String cluster, Object event, long timestamp) {
    context.setRecordMetadata(Topics.applyFailures(cluster).name(), 0, 0);
    processor.process(
        new Record<>(new EventKey(cluster), new FederationEvent("report", event), timestamp));
  }

  private List<Record<?, ?>> forwarded() {
    return context.forwarded().stream()
        .<Record<?, ?>>map(MockProcessorContext.CapturedForward::record)
        .toList();
  }

  private static KeyValueStore<String, DiscoveredObject> emptyInputs() {
    return InMemoryStores.keyValue(
        TranslationTopology.INPUTS_STORE, new AvroSerde<>(DiscoveredObject.class));
  }
}
