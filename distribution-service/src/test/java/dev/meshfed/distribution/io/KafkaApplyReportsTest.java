package dev.meshfed.distribution.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.meshfed.distribution.model.ApplyFailure;
import dev.meshfed.distribution.model.Convergence;
import dev.meshfed.distribution.model.ObjectKey;
import dev.meshfed.schema.events.ApplyFailed;
import dev.meshfed.schema.events.ClusterConverged;
import dev.meshfed.schema.events.EventKey;
import dev.meshfed.schema.events.FederationEvent;
import dev.meshfed.schema.kafka.TopicSpec;
import dev.meshfed.schema.kafka.Topics;
import java.util.OptionalLong;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

class KafkaApplyReportsTest {

  private static final TopicSpec<EventKey, FederationEvent> SPEC = Topics.applied("c1");
  private static final ApplyFailure FAILURE =
      new ApplyFailure(
          new ObjectKey("networking.istio.io/v1", "ServiceEntry", "apps", "foo"),
          ApplyFailure.Operation.APPLY,
          1,
          "HTTP 500");
  private static final Convergence CONVERGENCE =
      new Convergence(1, 1, 0, 0, 0, OptionalLong.of(0), 0);

  @Test
  void sendsEveryReportToTheClustersAppliedTopicAndClosesTheProducer() {
    MockProducer<EventKey, FederationEvent> producer = producer(true);
    KafkaApplyReports reports = new KafkaApplyReports(producer, "c1");

    reports.applyFailed(FAILURE);
    reports.converged(CONVERGENCE);
    reports.close();

    assertThat(producer.history())
        .filteredOn(r -> r.topic().equals("meshfed.applied.c1"))
        .extracting(ProducerRecord::key, r -> r.value().getEvent().getClass())
        .containsExactly(
            tuple(new EventKey("ServiceEntry/apps/foo"), ApplyFailed.class),
            tuple(new EventKey("c1"), ClusterConverged.class));
    assertThat(producer.history()).allSatisfy(r -> assertThat(r.timestamp()).isNotNull());
    assertThat(producer.closed()).isTrue();
  }

  @Test
  void translationHearsOfEveryFailureAndOnlyOfTheConvergencesThatClearFailures() {
    MockProducer<EventKey, FederationEvent> producer = producer(true);
    KafkaApplyReports reports = new KafkaApplyReports(producer, "c1");

    reports.converged(CONVERGENCE); // the first since the start: an earlier run's failures
    reports.converged(CONVERGENCE);
    reports.applyFailed(FAILURE);
    reports.converged(CONVERGENCE); // clears the failure
    reports.converged(CONVERGENCE);
    reports.close();

    assertThat(producer.history())
        .filteredOn(r -> r.topic().equals("meshfed.apply-failures.c1"))
        .extracting(r -> (Object) r.value().getEvent().getClass())
        .containsExactly(ClusterConverged.class, ApplyFailed.class, ClusterConverged.class);
    assertThat(producer.history())
        .filteredOn(r -> r.topic().equals("meshfed.applied.c1"))
        .hasSize(5);
  }

  @Test
  void aSendThatKafkaFailsIsNotTheEndOfReporting() {
    MockProducer<EventKey, FederationEvent> producer = producer(false);
    KafkaApplyReports reports = new KafkaApplyReports(producer, "c1");

    reports.applyFailed(FAILURE);
    // to the applied and the apply-failures topic
    await().until(() -> producer.history().size() == 2);
    assertThat(producer.errorNext(new TimeoutException("broker gone"))).isTrue();
    assertThat(producer.errorNext(new TimeoutException("broker gone"))).isTrue();
    reports.converged(CONVERGENCE);

    await().until(() -> producer.history().size() == 4);
    assertThat(producer.completeNext()).isTrue();
    assertThat(producer.completeNext()).isTrue();
    reports.close();
    assertThat(producer.closed()).isTrue();
  }

  @Test
  void aSendThatThrowsNeitherReachesTheCallerNorKeepsTheProducerOpen() {
    MockProducer<EventKey, FederationEvent> producer = producer(true);
    producer.sendException = new KafkaException("no metadata for meshfed.applied.c1");
    KafkaApplyReports reports = new KafkaApplyReports(producer, "c1");

    reports.applyFailed(FAILURE);
    reports.close();

    assertThat(producer.history()).isEmpty();
    assertThat(producer.closed()).isTrue();
  }

  private static MockProducer<EventKey, FederationEvent> producer(boolean autoComplete) {
    return new MockProducer<>(
        autoComplete, null, SPEC.keySerde().serializer(), SPEC.valueSerde().serializer());
  }
}
