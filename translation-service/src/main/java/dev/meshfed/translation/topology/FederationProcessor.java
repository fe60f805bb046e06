package dev.meshfed.translation.topology;

import dev.meshfed.schema.discovery.DiscoveredObject;
import dev.meshfed.schema.discovery.DiscoveryKey;
import dev.meshfed.schema.kafka.Topics;
import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.translate.FederationTranslator;
import dev.meshfed.translation.translate.Membership;
import dev.meshfed.translation.translate.TranslationSettings;
import dev.meshfed.translation.translate.UnitId;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jboss.logging.Logger;

/**
 * Keeps every cluster's discovered inputs ({@link InputIndex}), and on each change recomputes the
 * units it can affect ({@link UnitWriter}), now or when the {@link RecomputeSchedule} says, with
 * the membership resolved afresh for each full recompute.
 */
final class FederationProcessor
    implements Processor<DiscoveryKey, DiscoveredObject, Object, Object> {

  private static final Logger LOG = Logger.getLogger(FederationProcessor.class);

  private final TranslationSettings settings;
  private final RecomputeSchedule schedule;
  private ProcessorContext<Object, Object> context;
  private KeyValueStore<String, String> applyFailures;
  private String applyFailuresVersion;
  private InputIndex inputs;
  private UnitWriter writer;
  private ClusterAnnouncements announcements;
  private Membership membership;

  FederationProcessor(TranslationSettings settings, int unitsPerBatch) {
    this.settings = settings;
    this.schedule = new RecomputeSchedule(unitsPerBatch);
  }

  @Override
  public void init(ProcessorContext<Object, Object> context) {
    this.context = context;
    applyFailures = context.getStateStore(TranslationTopology.APPLY_FAILURES_STORE);
    inputs =
        InputIndex.restore(context.getStateStore(TranslationTopology.INPUTS_STORE), applyFailures);
    applyFailuresVersion = applyFailures.get(ApplyReportProcessor.VERSION_KEY);
    writer =
        new UnitWriter(
            context.getStateStore(TranslationTopology.UNITS_STORE), inputs.mesh(), this::forward);
    announcements = new ClusterAnnouncements(inputs, this::forward);
    membership = FederationTranslator.membership(inputs.mesh(), settings);
    LOG.infof("Translation state restored: %d inputs", inputs.mesh().size());
    schedule.restarted();
    context.schedule(RecomputeSchedule.INTERVAL, PunctuationType.WALL_CLOCK_TIME, this::punctuate);
  }

  @Override
  public void process(Record<DiscoveryKey, DiscoveredObject> record) {
    Optional<String> cluster =
        context.recordMetadata().flatMap(m -> Topics.clusterOfDiscovered(m.topic()));
    if (cluster.isEmpty()) {
      LOG.errorf("Ignoring a record from %s: not a discovered topic", context.recordMetadata());
      return;
    }
    schedule.recordArrived(context.currentSystemTimeMs());
    DiscoveryKey key = record.key();
    ObjectId id = new ObjectId(cluster.get(), key.getKind(), key.getNamespace(), key.getName());
    InputIndex.Change change = inputs.update(id, record.value());
    announcements.inputChanged(change, record.value(), membership, record.timestamp());
    recomputeAffected(change, record.timestamp());
  }

  private void recomputeAffected(InputIndex.Change change, long timestamp) {
    Optional<SortedSet<UnitId>> affected =
        FederationTranslator.unitsAffectedBy(
            change.id(), change.before(), change.after(), inputs.mesh(), membership);
    for (UnitId unit : schedule.changed(affected, timestamp)) {
      writer.recompute(unit, membership, timestamp);
    }
  }

  private void punctuate(long now) {
    if (!Objects.equals(
        applyFailuresVersion, applyFailures.get(ApplyReportProcessor.VERSION_KEY))) {
      inputs.reloadApplyFailures(applyFailures);
      applyFailuresVersion = applyFailures.get(ApplyReportProcessor.VERSION_KEY);
      schedule.changed(Optional.of(List.of(UnitId.status(settings.managementCluster()))), now);
    }
    RecomputeSchedule.Batch batch = schedule.next(now, this::everyUnit);
    if (batch.startsFullRecompute()) {
      Membership before = membership;
      membership = FederationTranslator.membership(inputs.mesh(), settings);
      announcements.membershipChanged(before, membership, batch.timestamp());
    }
    for (UnitId unit : batch.units()) {
      writer.recompute(unit, membership, batch.timestamp());
    }
  }

  /** Every unit the inputs have, and every unit that produced something before. */
  private Collection<UnitId> everyUnit() {
    SortedSet<UnitId> all = new TreeSet<>(FederationTranslator.UNIT_ORDER);
    all.addAll(FederationTranslator.allUnits(inputs.mesh()));
    all.addAll(writer.storedUnits());
    return all;
  }

  private void forward(String sink, Object key, Object value, long timestamp) {
    context.forward(new Record<>(key, value, timestamp), sink);
  }
}
