package dev.meshfed.translation.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.schema.discovery.DiscoveredObject;
import dev.meshfed.schema.events.FederationEvent;
import dev.meshfed.schema.events.RecomputeStarted;
import dev.meshfed.schema.events.TranslationBehind;
import dev.meshfed.schema.events.TranslationCaughtUp;
import dev.meshfed.schema.kafka.AvroSerde;
import dev.meshfed.schema.kafka.Topics;
import dev.meshfed.translation.records.RecordFactory;
import dev.meshfed.translation.translate.TranslationSettings;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** When the federation processor asks for its transaction to commit. */
class FederationProcessorTest {

  private MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
  private final FederationProcessor processor =
      new FederationProcessor(
          TranslationSettings.DEFAULTS,
          RecomputeSchedule.UNITS_PER_BATCH,
          task -> UnitOwnership.ALL);
  private long now = 1_000;

  private final List<StateStore> stores =
      List.of(
          InMemoryStores.keyValue(
              TranslationTopology.INPUTS_STORE, new AvroSerde<>(DiscoveredObject.class)),
          InMemoryStores.strings(TranslationTopology.UNITS_STORE),
          InMemoryStores.strings(TranslationTopology.APPLY_FAILURES_STORE));

  @BeforeEach
  void bookinfoTranslated() {
    stores.forEach(context::addStateStore);
    processor.init(context);
    discover("mgmt", Discovered.agent());
    discover("mgmt", Discovered.workspace("bookinfo", "bookinfo", "cluster1", "cluster2"));
    for (String cluster : new String[] {"cluster1", "cluster2"}) {
      discover(cluster, Discovered.agent());
      discover(cluster, Discovered.namespace("bookinfo"));
      discover(cluster, Discovered.namespace("istio-system"));
      discover(cluster, Discovered.istiod("1.24.2"));
      discover(cluster, Discovered.eastWestGateway("172.18.1.10"));
    }
    discover("cluster1", Discovered.federationSettings("bookinfo"));
    discover("cluster1", Discovered.service("bookinfo", "reviews", 9080));
    punctuateUntilQuiet();
    assertThat(context.forwarded()).as("bookinfo translated").isNotEmpty();
    context.resetForwards();
    context.resetCommit();
  }

  @Test
  void aChangeThatWritesRecordsRequestsItsCommitAtOnce() {
    discover("cluster1", Discovered.service("bookinfo", "reviews", 9090));

    assertThat(context.forwarded()).isNotEmpty();
    assertThat(context.committed()).isTrue();
  }

  @Test
  void aChangeTranslatedAtOnceLeavesTranslationCaughtUp() {
    discover("cluster1", Discovered.service("bookinfo", "reviews", 9090));

    assertThat(desiredRecords()).as("translated at once").isNotEmpty();
    assertThat(backlogEvents()).as("nothing to announce").isEmpty();
  }

  @Test
  void aLateRecordsUnitsAreDeferredAndTranslationSaysItIsBehindUntilTheyAreWritten() {
    long written = now;
    now += RecomputeSchedule.BACKLOG.toMillis() + 500;
    discover("cluster1", Discovered.service("bookinfo", "reviews", 9090), written);

    assertThat(desiredRecords()).as("the change's units deferred").isEmpty();
    assertThat(backlogEvents())
        .singleElement()
        .isInstanceOfSatisfying(
            TranslationBehind.class,
            behind -> {
              assertThat(behind.getDeferredUnits()).isPositive();
              assertThat(behind.getFullRecomputeDue()).isFalse();
            });
    assertThat(context.committed()).as("announced with the input's commit").isTrue();
    context.resetForwards();

    punctuateUntilQuiet();

    assertThat(desiredRecords()).as("the deferred units written").isNotEmpty();
    assertThat(backlogEvents())
        .singleElement()
        .isInstanceOfSatisfying(
            TranslationCaughtUp.class,
            caughtUp -> assertThat(caughtUp.getBehindMillis()).isPositive());
  }

  @Test
  void anInputAbsorbedIntoADueFullRecomputeLeavesTranslationBehindUntilItEnds() {
    discover("cluster1", Discovered.namespace("ratings"));

    assertThat(backlogEvents())
        .singleElement()
        .isInstanceOfSatisfying(
            TranslationBehind.class, behind -> assertThat(behind.getFullRecomputeDue()).isTrue());
    context.resetForwards();
    discover("cluster2", Discovered.service("bookinfo", "ratings", 9080));
    assertThat(backlogEvents()).as("still behind: told once").isEmpty();

    punctuateUntilQuiet();

    List<Object> progress = translationEvents();
    assertThat(progress).first().isInstanceOf(RecomputeStarted.class);
    assertThat(progress).last().isInstanceOf(TranslationCaughtUp.class);
  }

  @Test
  void aRecordThatChangesNothingLeavesItsCommitToTheInterval() {
    discover("cluster1", Discovered.service("bookinfo", "reviews", 9080));

    assertThat(context.forwarded()).isEmpty();
    assertThat(context.committed()).isFalse();
  }

  @Test
  void anIdleTranslationHasNoPunctuationToFire() {
    assertThat(activePunctuation()).as("its full recompute done").isEmpty();

    discover("cluster1", Discovered.namespace("ratings"));

    assertThat(activePunctuation()).as("a new namespace makes a full recompute due").isPresent();
    punctuateUntilQuiet();
    assertThat(activePunctuation()).as("the full recompute done").isEmpty();
  }

  @Test
  void dueStatusUnitsAloneAreLookedAtEverySecondOnly() {
    discover("cluster1", Discovered.service("bookinfo", "ratings", 9080));

    assertThat(activePunctuation())
        .as("a new service makes the status units due")
        .map(MockProcessorContext.CapturedPunctuator::getInterval)
        .contains(RecomputeSchedule.STATUSES_CHECK);
    punctuateUntilQuiet();
    assertThat(activePunctuation()).as("statuses recomputed").isEmpty();
  }

  @Test
  void initialisedAgainInAnotherTaskItSchedulesItsRecomputeThere() {
    discover("cluster1", Discovered.namespace("ratings"));
    assertThat(activePunctuation()).as("a full recompute due when the task moves").isPresent();

    // the task recycled to a standby and back: the same processor, a new task and context
    context = new MockProcessorContext<>();
    stores.forEach(context::addStateStore);
    processor.init(context);

    assertThat(activePunctuation()).as("the recompute after the restart").isPresent();
    punctuateUntilQuiet();
    assertThat(context.forwarded()).as("the recompute's outputs and events").isNotEmpty();
  }

  private void discover(String cluster, Discovered.Entry entry) {
    discover(cluster, entry, now);
  }

  /** A record written at {@code timestamp}, read {@code now}. */
  private void discover(String cluster, Discovered.Entry entry, long timestamp) {
    context.setRecordMetadata(Topics.discovered(cluster).name(), 0, 0);
    context.setCurrentSystemTimeMs(now);
    processor.process(new Record<>(entry.key(), entry.value(), timestamp));
  }

  private List<Object> desiredRecords() {
    return context.forwarded().stream()
        .filter(f -> f.childName().orElse("").startsWith(TranslationTopology.DESIRED_SINK))
        .<Object>map(f -> f.record().value())
        .toList();
  }

  /** The translation subject's events: its recomputes' progress and its backlog. */
  private List<Object> translationEvents() {
    return context.forwarded().stream()
        .filter(f -> f.childName().orElse("").equals(TranslationTopology.EVENTS_SINK))
        .filter(f -> f.record().key().equals(RecordFactory.translationKey()))
        .map(f -> ((FederationEvent) f.record().value()).getEvent())
        .toList();
  }

  private List<Object> backlogEvents() {
    return translationEvents().stream()
        .filter(e -> e instanceof TranslationBehind || e instanceof TranslationCaughtUp)
        .toList();
  }

  /** Fires the punctuation, with input quiet, for as long as it is scheduled (up to 100 times). */
  private void punctuateUntilQuiet() {
    Optional<MockProcessorContext.CapturedPunctuator> punctuation = activePunctuation();
    for (int fired = 0; fired < 100 && punctuation.isPresent(); fired++) {
      now += RecomputeSchedule.STATUSES_EVERY.toMillis();
      punctuation.get().getPunctuator().punctuate(now);
      punctuation = activePunctuation();
    }
  }

  private Optional<MockProcessorContext.CapturedPunctuator> activePunctuation() {
    return context.scheduledPunctuators().stream().filter(p -> !p.cancelled()).findFirst();
  }
}
