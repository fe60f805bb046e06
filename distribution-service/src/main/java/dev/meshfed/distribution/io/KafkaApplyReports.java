package dev.meshfed.distribution.io;

import dev.meshfed.distribution.apply.ApplyReports;
import dev.meshfed.distribution.model.ApplyFailure;
import dev.meshfed.distribution.model.Convergence;
import dev.meshfed.distribution.model.Drift;
import dev.meshfed.distribution.model.FailureClearing;
import dev.meshfed.distribution.model.ObjectKey;
import dev.meshfed.schema.events.EventKey;
import dev.meshfed.schema.events.FederationEvent;
import dev.meshfed.schema.kafka.TopicSpec;
import dev.meshfed.schema.kafka.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

/**
 * Sends the loop's reports to the cluster's applied topic with an idempotent producer, and what
 * translation needs of them to the apply-failures topic: every failure, and the convergences that
 * clear failures ({@link FailureClearing}). Sends run on a thread of their own: a producer that
 * cannot reach the broker blocks in send() (up to {@code max.block.ms}), and the loop's thread must
 * go on writing to the cluster meanwhile. One producer and one thread keep a failure and the
 * convergence that clears it in order.
 */
public final class KafkaApplyReports implements ApplyReports {

  private static final Logger LOG = Logger.getLogger(KafkaApplyReports.class);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final String topic;
  private final String failuresTopic;
  private final FailureClearing clearing = new FailureClearing();
  private final AppliedEvents events;
  private final Producer<EventKey, FederationEvent> producer;
  private final ExecutorService sender;

  public KafkaApplyReports(Map<String, Object> kafkaConfig, String cluster) {
    this(producer(kafkaConfig, Topics.applied(cluster)), cluster);
  }

  KafkaApplyReports(Producer<EventKey, FederationEvent> producer, String cluster) {
    this.topic = Topics.applied(cluster).name();
    this.failuresTopic = Topics.applyFailures(cluster).name();
    this.events = new AppliedEvents(cluster);
    this.producer = producer;
    this.sender = Executors.newSingleThreadExecutor(r -> new Thread(r, "meshfed-reports-" + topic));
  }

  private static Producer<EventKey, FederationEvent> producer(
      Map<String, Object> kafkaConfig, TopicSpec<EventKey, FederationEvent> spec) {
    Map<String, Object> config = new HashMap<>(kafkaConfig);
    config.put(ProducerConfig.CLIENT_ID_CONFIG, "meshfed-distribution-" + spec.name());
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    return new KafkaProducer<>(
        config, spec.keySerde().serializer(), spec.valueSerde().serializer());
  }

  @Override
  public void applyFailed(ApplyFailure failure) {
    AppliedEvents.Event event = events.applyFailed(failure);
    clearing.failed();
    send(topic, event);
    send(failuresTopic, event);
  }

  @Override
  public void converged(Convergence convergence) {
    AppliedEvents.Event event = events.converged(convergence);
    send(topic, event);
    if (clearing.convergenceClears()) {
      send(failuresTopic, event);
    }
  }

  @Override
  public void pruneWithheld(int objects, String reason) {
    send(topic, events.pruneWithheld(objects, reason));
  }

  @Override
  public void driftRepaired(ObjectKey key, Drift drift) {
    send(topic, events.driftRepaired(key, drift));
  }

  /** Stamps the record now: the sender may get to it later. */
  private void send(String to, AppliedEvents.Event event) {
    ProducerRecord<EventKey, FederationEvent> record =
        new ProducerRecord<>(to, null, System.currentTimeMillis(), event.key(), event.value());
    sender.execute(() -> sendNow(record));
  }

  private void sendNow(ProducerRecord<EventKey, FederationEvent> record) {
    try {
      producer.send(
          record,
          (metadata, error) -> {
            if (error != null) {
              logLost(record, error);
            }
          });
    } catch (RuntimeException e) {
      // send() throws instead of calling back for errors found before queueing (e.g. metadata)
      logLost(record, e);
    }
  }

  private void logLost(ProducerRecord<EventKey, FederationEvent> record, Exception error) {
    LOG.errorf(error, "Cannot report to %s: %s", record.topic(), record.value().getMessage());
  }

  /** Sends what was reported, within a bounded time, then closes the producer. */
  @Override
  public void close() {
    sender.shutdown();
    try {
      if (!sender.awaitTermination(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        dropQueued();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      dropQueued();
    } finally {
      producer.close(CLOSE_TIMEOUT);
    }
  }

  private void dropQueued() {
    List<Runnable> dropped = sender.shutdownNow();
    LOG.errorf(
        "Dropped %d reports to %s and %s: not sent when closing",
        dropped.size(), topic, failuresTopic);
  }
}
