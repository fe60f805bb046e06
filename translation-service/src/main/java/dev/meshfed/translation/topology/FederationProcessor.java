package dev.meshfed.translation.topology;

import dev.meshfed.schema.discovery.DiscoveredObject;
import dev.meshfed.schema.discovery.DiscoveryKey;
import dev.meshfed.schema.kafka.Topics;
import dev.meshfed.translation.model.ApplyFailureInput;
import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.records.RecordFactory;
import dev.meshfed.translation.translate.FederationTranslator;
import dev.meshfed.translation.translate.Membership;
import dev.meshfed.translation.translate.TranslationSettings;
import dev.meshfed.translation.translate.UnitId;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.jboss.logging.Logger;

/**
 * Keeps every cluster's inputs ({@link InputIndex}), and on each change recomputes the units it can
 * affect ({@link UnitWriter}), now or when the {@link RecomputeSchedule} says, with the membership
 * resolved afresh for each full recompute. Inputs come in two kinds of records: discovered objects
 * (keyed by {@link DiscoveryKey}, the cluster being the topic's) and the objects
 * distribution-services fail to write (keyed by {@link ObjectId}, from the {@link
 * ApplyReportProcessor}).
 */
final class FederationProcessor implements Processor<Object, Object, Object, Object> {

  private static final Logger LOG = Logger.getLogger(FederationProcessor.class);

  private final TranslationSettings settings;
  private final int unitsPerBatch;
  private RecomputeSchedule schedule;
  private final Function<TaskId, UnitOwnership> ownershipOfTask;
  private UnitOwnership ownership;
  private ProcessorContext<Object, Object> context;
  private InputIndex inputs;
  private UnitWriter writer;
  private ClusterAnnouncements announcements;
  private BacklogAnnouncements backlog;
  private Membership membership;
  private Sensor inputsChanged;
  private Sensor unitsRecomputed;
  private Sensor unitsFailed;
  private Cancellable punctuation;
  private Optional<Duration> punctuationInterval = Optional.empty();

  FederationProcessor(
      TranslationSettings settings,
      int unitsPerBatch,
      Function<TaskId, UnitOwnership> ownershipOfTask) {
    this.settings = settings;
    this.unitsPerBatch = unitsPerBatch;
    this.ownershipOfTask = ownershipOfTask;
  }

  /**
   * Kafka Streams initialises the same processor again when it recycles its task to a standby and
   * back (the standby keeps the task's topology): what the last life scheduled went with that task.
   * A processor that still took its punctuation for scheduled never scheduled one in the new task,
   * and its recompute after the restart never ran.
   */
  @Override
  public void init(ProcessorContext<Object, Object> context) {
    this.context = context;
    schedule = new RecomputeSchedule(unitsPerBatch);
    punctuation = null;
    punctuationInterval = Optional.empty();
    ownership = ownershipOfTask.apply(context.taskId());
    inputs =
        InputIndex.restore(
            context.getStateStore(TranslationTopology.INPUTS_STORE),
            context.getStateStore(TranslationTopology.APPLY_FAILURES_STORE));
    writer =
        new UnitWriter(
            context.getStateStore(TranslationTopology.UNITS_STORE), inputs.mesh(), this::forward);
    announcements = new ClusterAnnouncements(inputs, this::forward);
    backlog =
        new BacklogAnnouncements(
            RecordFactory.translationKey(ownership.partition(), ownership.partitions()),
            this::forward);
    membership = FederationTranslator.membership(inputs.mesh(), settings);
    inputsChanged = sensor(context, "inputs-changed");
    unitsRecomputed = sensor(context, "units-recomputed");
    unitsFailed = sensor(context, "units-failed");
    LOG.infof(
        "Translation state restored: %d inputs; computing the units of partition %d of %d",
        inputs.mesh().size(), ownership.partition(), ownership.partitions());
    schedule.restarted();
    punctuateWhileWorkIsDue();
  }

  @Override
  public void process(Record<Object, Object> record) {
    schedule.recordArrived(context.currentSystemTimeMs(), record.timestamp());
    if (record.key() instanceof DiscoveryKey key) {
      discovered(key, (DiscoveredObject) record.value(), record.headers(), record.timestamp());
    } else if (record.key() instanceof ObjectId id && ApplyFailureInput.KIND.equals(id.kind())) {
      applyFailureChanged(id, (ApplyFailureInput) record.value(), record.timestamp());
    } else {
      LOG.errorf("Ignoring a record keyed %s: no input's", record.key());
    }
    punctuateWhileWorkIsDue();
    backlog.update(schedule, context.currentSystemTimeMs());
  }

  /**
   * The punctuation runs only while the schedule has work, as often as that work needs. Kafka
   * Streams commits after every punctuation: one firing every 50 ms made an idle translation commit
   * an empty transaction several times a second, and a change that came in waited for the one in
   * flight.
   */
  private void punctuateWhileWorkIsDue() {
    Optional<Duration> needed = schedule.punctuationInterval();
    if (needed.equals(punctuationInterval)) {
      return;
    }
    if (punctuation != null) {
      punctuation.cancel();
      punctuation = null;
    }
    punctuationInterval = needed;
    if (needed.isPresent()) {
      punctuation =
          context.schedule(needed.get(), PunctuationType.WALL_CLOCK_TIME, this::punctuate);
    }
  }

  private void discovered(
      DiscoveryKey key, DiscoveredObject value, Headers headers, long timestamp) {
    Optional<String> cluster =
        RoutedInputs.topicOf(headers, context.recordMetadata().map(m -> m.topic()))
            .flatMap(Topics::clusterOfDiscovered);
    if (cluster.isEmpty()) {
      LOG.errorf("Ignoring a record from %s: not a discovered topic", context.recordMetadata());
      return;
    }
    ObjectId id = new ObjectId(cluster.get(), key.getKind(), key.getNamespace(), key.getName());
    InputIndex.Change change = inputs.update(id, value);
    inputsChanged.record();
    if (ownership.owns(UnitId.MEMBERSHIP)) {
      announcements.inputChanged(change, value, membership, timestamp);
    }
    recomputeAffected(change, timestamp);
  }

  /**
   * The statuses of the clusters' registrations list their failures: registrations live in the
   * management cluster.
   */
  private void applyFailureChanged(ObjectId id, ApplyFailureInput failure, long timestamp) {
    inputs.updateApplyFailure(id, failure);
    recompute(
        schedule.changed(
            Optional.of(List.of(UnitId.status(settings.managementCluster()))), timestamp),
        timestamp);
  }

  private void recomputeAffected(InputIndex.Change change, long timestamp) {
    Optional<SortedSet<UnitId>> affected =
        FederationTranslator.unitsAffectedBy(
            change.id(), change.before(), change.after(), inputs.mesh(), membership);
    recompute(schedule.changed(affected, timestamp), timestamp);
  }

  private void recompute(List<UnitId> units, long timestamp) {
    // a rate-and-total sensor counts its recordings, whatever their value: one per unit
    for (UnitId unit : units) {
      if (ownership.owns(unit)) {
        if (!writer.recompute(unit, membership, timestamp)) {
          unitsFailed.record();
        }
        unitsRecomputed.record();
      }
    }
  }

  /**
   * A Kafka Streams metric of this task ({@code stream-meshfed-metrics}: {@code <operation>-total}
   * and {@code -rate}): exported with Streams' own metrics, as {@code
   * kafka_stream_meshfed_<operation>_total}.
   */
  private static Sensor sensor(ProcessorContext<?, ?> context, String operation) {
    return context
        .metrics()
        .addRateTotalSensor(
            "meshfed", context.taskId().toString(), operation, Sensor.RecordingLevel.INFO);
  }

  private void punctuate(long now) {
    RecomputeSchedule.Batch batch = schedule.next(now, this::everyUnit);
    if (batch.startsFullRecompute()) {
      Membership before = membership;
      membership = FederationTranslator.membership(inputs.mesh(), settings);
      if (ownership.owns(UnitId.MEMBERSHIP)) {
        announcements.membershipChanged(before, membership, batch.timestamp());
      }
      announceProgress(RecordFactory.recomputeStarted(batch.fullRecomputeUnits()), batch);
    }
    recompute(batch.units(), batch.timestamp());
    batch
        .finishesFullRecompute()
        .ifPresent(
            done ->
                announceProgress(
                    RecordFactory.recomputeFinished(done.units(), done.tookMillis()), batch));
    punctuateWhileWorkIsDue();
    backlog.update(schedule, now);
  }

  /**
   * A full recompute's start and end go to the events: until it ends, outputs are incomplete. Each
   * partition's recompute has a subject of its own.
   */
  private void announceProgress(Object event, RecomputeSchedule.Batch batch) {
    forward(
        TranslationTopology.EVENTS_SINK,
        RecordFactory.translationKey(ownership.partition(), ownership.partitions()),
        event,
        batch.timestamp());
  }

  /** Every unit of this partition the inputs have, and every one that produced something before. */
  private Collection<UnitId> everyUnit() {
    SortedSet<UnitId> all = new TreeSet<>(FederationTranslator.UNIT_ORDER);
    FederationTranslator.allUnits(inputs.mesh()).stream().filter(ownership::owns).forEach(all::add);
    all.addAll(writer.storedUnits());
    return all;
  }

  /**
   * Readers see a record once its transaction commits, so one is requested right away; records that
   * change nothing (most clusters' convergence reports) wait for the commit interval instead, in
   * one transaction rather than one each.
   */
  private void forward(String sink, Object key, Object value, long timestamp) {
    context.forward(new Record<>(key, value, timestamp), sink);
    context.commit();
  }
}
