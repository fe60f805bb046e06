package dev.meshfed.translation.topology;

import dev.meshfed.schema.DiscoveredKinds;
import dev.meshfed.schema.discovery.AgentState;
import dev.meshfed.schema.discovery.DiscoveredObject;
import dev.meshfed.schema.discovery.DiscoveryKey;
import dev.meshfed.schema.kafka.Topics;
import dev.meshfed.translation.model.ApplyFailureInput;
import dev.meshfed.translation.model.Input;
import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.records.InputConverter;
import dev.meshfed.translation.records.RecordFactory;
import dev.meshfed.translation.records.TargetedKey;
import dev.meshfed.translation.translate.FederationTranslator;
import dev.meshfed.translation.translate.Membership;
import dev.meshfed.translation.translate.Output;
import dev.meshfed.translation.translate.OutputDiff;
import dev.meshfed.translation.translate.TranslationSettings;
import dev.meshfed.translation.translate.UnitId;
import dev.meshfed.translation.translate.UnitResult;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jboss.logging.Logger;

/**
 * Keeps every cluster's discovered inputs, and on each change recomputes the units it can affect
 * and writes only what differs from what the unit produced before.
 *
 * <p>A change that may move membership (anything but a Service) affects every unit. Such changes
 * make a full recompute due rather than run one each: a cluster joining publishes its namespaces,
 * gateways and agent together, and a full recompute costs as much as the mesh is large. A
 * wall-clock punctuation starts a due one, with the membership resolved afresh, and recomputes
 * {@link #UNITS_PER_BATCH} units each time it fires, each batch in a transaction of its own, so
 * that distribution starts applying before a large mesh is translated in full; while records keep
 * coming, batches yield to them (see {@link #BATCH_EVERY_WHILE_BUSY}). Service changes that come
 * while one is due wait for it, so that no unit is translated with a membership already out of
 * date.
 */
final class FederationProcessor
    implements Processor<DiscoveryKey, DiscoveredObject, Object, Object> {

  private static final Logger LOG = Logger.getLogger(FederationProcessor.class);

  /** The name of every discovery-service's Agent record. */
  private static final String AGENT_NAME = "discovery";

  /** How often the punctuation that starts and continues full recomputes fires. */
  static final Duration FULL_RECOMPUTE_INTERVAL = Duration.ofMillis(50);

  /**
   * Status units made due by Service changes are recomputed at most this often: each counts every
   * service of the mesh (some 50 ms at 10,000 services), which holds up the records behind it, so a
   * burst of changes is counted once.
   */
  static final Duration STATUSES_EVERY = Duration.ofSeconds(5);

  /** Units recomputed per punctuation: at 20 clusters, some 4,000 records a transaction. */
  static final int UNITS_PER_BATCH = 200;

  /**
   * While records keep coming, a batch runs at most this often: the stream thread processes fewer
   * records per loop after each punctuation, and batches on every one starved the input.
   */
  static final Duration BATCH_EVERY_WHILE_BUSY = Duration.ofSeconds(1);

  private final TranslationSettings settings;
  private final MeshInputs mesh = new MeshInputs();
  private ProcessorContext<Object, Object> context;
  private KeyValueStore<String, DiscoveredObject> inputs;
  private KeyValueStore<String, String> units;
  private KeyValueStore<String, String> applyFailures;
  private String applyFailuresVersion;
  private Membership membership;
  private final FullRecompute fullRecompute = new FullRecompute();
  private long lastRecordAt;
  private long lastBatchAt;

  /**
   * Status units a Service change made due: they read every service, so they wait for the
   * punctuation rather than delay the change's own records.
   */
  private final SortedSet<UnitId> dueStatuses = new TreeSet<>(FederationTranslator.UNIT_ORDER);

  private long dueStatusesAt;
  private long lastStatusesAt;

  FederationProcessor(TranslationSettings settings) {
    this.settings = settings;
  }

  @Override
  public void init(ProcessorContext<Object, Object> context) {
    this.context = context;
    this.inputs = context.getStateStore(TranslationTopology.INPUTS_STORE);
    this.units = context.getStateStore(TranslationTopology.UNITS_STORE);
    this.applyFailures = context.getStateStore(TranslationTopology.APPLY_FAILURES_STORE);
    try (KeyValueIterator<String, DiscoveredObject> all = inputs.all()) {
      all.forEachRemaining(entry -> restore(InputKeys.parse(entry.key), entry.value));
    }
    reloadApplyFailures();
    membership = FederationTranslator.membership(mesh, settings);
    LOG.infof("Translation state restored: %d inputs", mesh.size());
    // Inputs may have been committed while a full recompute was still due: run one after a restart.
    fullRecompute.markDue(0);
    context.schedule(
        FULL_RECOMPUTE_INTERVAL, PunctuationType.WALL_CLOCK_TIME, this::continueFullRecompute);
  }

  @Override
  public void process(Record<DiscoveryKey, DiscoveredObject> record) {
    Optional<String> cluster =
        context.recordMetadata().flatMap(m -> Topics.clusterOfDiscovered(m.topic()));
    if (cluster.isEmpty()) {
      LOG.errorf("Ignoring a record from %s: not a discovered topic", context.recordMetadata());
      return;
    }
    lastRecordAt = context.currentSystemTimeMs();
    DiscoveryKey key = record.key();
    ObjectId id = new ObjectId(cluster.get(), key.getKind(), key.getNamespace(), key.getName());
    announceClusterChange(id, record.value(), record.timestamp());
    Optional<Input> before = mesh.get(id);
    updateInputs(id, record.value());
    Optional<SortedSet<UnitId>> affected =
        FederationTranslator.unitsAffectedBy(id, before, mesh.get(id), mesh, membership);
    if (affected.isEmpty() || fullRecompute.isDue()) {
      fullRecompute.markDue(record.timestamp());
      return;
    }
    for (UnitId unit : affected.get()) {
      if (unit instanceof UnitId.StatusUnit) {
        dueStatuses.add(unit);
        dueStatusesAt = record.timestamp();
      } else {
        recompute(unit, record.timestamp());
      }
    }
  }

  /**
   * Starts a due full recompute if none is running, then recomputes the next batch of its units,
   * stamped with the latest input that made it due (after a restart, with the time it started).
   */
  private void continueFullRecompute(long now) {
    if (!Objects.equals(
        applyFailuresVersion, applyFailures.get(ApplyReportProcessor.VERSION_KEY))) {
      reloadApplyFailures();
      dueStatuses.add(UnitId.status(settings.managementCluster()));
      dueStatusesAt = Math.max(dueStatusesAt, lastRecordAt);
    }
    boolean inputQuiet = now - lastRecordAt >= FULL_RECOMPUTE_INTERVAL.toMillis();
    boolean batchOverdue = now - lastBatchAt >= BATCH_EVERY_WHILE_BUSY.toMillis();
    if (!inputQuiet && !batchOverdue) {
      return;
    }
    if (fullRecompute.startIfDue(this::everyUnit, now)) {
      Membership before = membership;
      membership = FederationTranslator.membership(mesh, settings);
      announceRemovals(before, fullRecompute.timestamp());
    }
    List<UnitId> batch = fullRecompute.nextBatch(UNITS_PER_BATCH);
    for (UnitId unit : batch) {
      recompute(unit, fullRecompute.timestamp());
    }
    if (!batch.isEmpty()) {
      lastBatchAt = now;
    } else if (!fullRecompute.isDue()
        && !dueStatuses.isEmpty()
        && now - lastStatusesAt >= STATUSES_EVERY.toMillis()) {
      recomputeDueStatuses();
      lastBatchAt = now;
      lastStatusesAt = now;
    }
  }

  private void recomputeDueStatuses() {
    for (UnitId unit : dueStatuses) {
      recompute(unit, dueStatusesAt);
    }
    dueStatuses.clear();
  }

  /** Every unit the inputs have, and every unit that produced something before. */
  private SortedSet<UnitId> everyUnit() {
    SortedSet<UnitId> all = new TreeSet<>(FederationTranslator.UNIT_ORDER);
    all.addAll(FederationTranslator.allUnits(mesh));
    all.addAll(storedUnits());
    return all;
  }

  /**
   * A cluster joins when its first Agent record arrives, and leaves when it is tombstoned; a
   * cluster removed from the mesh does neither (it left when it was removed).
   */
  private void announceClusterChange(ObjectId id, DiscoveredObject value, long timestamp) {
    if (!DiscoveredKinds.AGENT.equals(id.kind()) || membership.removal(id.cluster()).isPresent()) {
      return;
    }
    boolean joinedBefore = mesh.get(id).isPresent();
    if (!joinedBefore && value != null && value.getPayload() instanceof AgentState agent) {
      forwardEvent(
          RecordFactory.clusterKey(id.cluster()),
          RecordFactory.clusterJoined(id.cluster(), agent),
          timestamp);
    } else if (joinedBefore && value == null) {
      forwardEvent(
          RecordFactory.clusterKey(id.cluster()),
          RecordFactory.clusterLeft(id.cluster()),
          timestamp);
    }
  }

  /** A joined cluster leaves when it is removed from the mesh, and joins again when let back. */
  private void announceRemovals(Membership before, long timestamp) {
    SortedSet<String> changed = new TreeSet<>(before.removedClusters().keySet());
    changed.addAll(membership.removedClusters().keySet());
    for (String cluster : changed) {
      Optional<String> removal = membership.removal(cluster);
      if (before.removal(cluster).isPresent() == removal.isPresent()) {
        continue;
      }
      Optional<AgentState> agent = agentOf(cluster);
      if (agent.isEmpty()) {
        continue;
      }
      forwardEvent(
          RecordFactory.clusterKey(cluster),
          removal.isPresent()
              ? RecordFactory.clusterRemoved(cluster, removal.get())
              : RecordFactory.clusterJoined(cluster, agent.get()),
          timestamp);
    }
  }

  private Optional<AgentState> agentOf(String cluster) {
    DiscoveredObject agent =
        inputs.get(InputKeys.of(new ObjectId(cluster, DiscoveredKinds.AGENT, "", AGENT_NAME)));
    return agent != null && agent.getPayload() instanceof AgentState state
        ? Optional.of(state)
        : Optional.empty();
  }

  private void updateInputs(ObjectId id, DiscoveredObject value) {
    String storeKey = InputKeys.of(id);
    if (value == null) {
      inputs.delete(storeKey);
      mesh.remove(id);
      return;
    }
    inputs.put(storeKey, value);
    restore(id, value);
  }

  private void restore(ObjectId id, DiscoveredObject value) {
    InputConverter.toInput(id, value)
        .ifPresentOrElse(
            mesh::put,
            () -> LOG.warnf("Ignoring %s: its payload is of no kind this version knows", id));
  }

  /**
   * The objects distribution-services report they cannot write, as inputs of the clusters' statuses
   * (they are not discovered, so they come from the apply-reports processor's store).
   */
  private void reloadApplyFailures() {
    mesh.all(ApplyFailureInput.class).map(ApplyFailureInput::id).toList().forEach(mesh::remove);
    try (KeyValueIterator<String, String> all = applyFailures.all()) {
      all.forEachRemaining(
          entry -> ApplyReportProcessor.input(entry.key, entry.value).ifPresent(mesh::put));
    }
    applyFailuresVersion = applyFailures.get(ApplyReportProcessor.VERSION_KEY);
  }

  /** Units that produced something before, even if their input is gone now. */
  private SortedSet<UnitId> storedUnits() {
    SortedSet<UnitId> stored = new TreeSet<>(FederationTranslator.UNIT_ORDER);
    try (KeyValueIterator<String, String> all = units.all()) {
      while (all.hasNext()) {
        KeyValue<String, String> entry = all.next();
        UnitKeys.parse(entry.key).ifPresent(stored::add);
      }
    }
    return stored;
  }

  /**
   * Translates a unit and writes what differs from its stored result. Most units of a full
   * recompute come out as before: comparing the encoded forms skips decoding and diffing those.
   */
  private void recompute(UnitId unit, long timestamp) {
    String stored = units.get(unit.key());
    UnitResult after = FederationTranslator.translate(unit, mesh, membership);
    String encoded = after.isEmpty() ? null : UnitResultCodec.encode(after);
    if (Objects.equals(stored, encoded)) {
      return;
    }
    OutputDiff diff = OutputDiff.between(UnitResultCodec.decode(stored), after);
    emit(withoutRivalsObjects(unit, diff), timestamp);
    if (encoded == null) {
      units.delete(unit.key());
    } else {
      units.put(unit.key(), encoded);
    }
  }

  /**
   * A service whose objects a rival took over (it lost a conflict, or was deleted and the rival
   * won) must not tombstone them if the rival's unit already wrote them: units recompute one after
   * the other, in key order, not in the order that keeps a take-over intact.
   */
  private OutputDiff withoutRivalsObjects(UnitId unit, OutputDiff diff) {
    if (!(unit instanceof UnitId.ServiceUnit service) || diff.removed().isEmpty()) {
      return diff;
    }
    Set<TargetedKey> held = new HashSet<>();
    diff.removed().stream()
        .map(Output::host)
        .filter(Objects::nonNull)
        .distinct()
        .flatMap(
            host ->
                FederationTranslator.servicesNaming(host, service.service(), mesh, membership)
                    .stream())
        .distinct()
        .map(rival -> units.get(UnitId.service(rival).key()))
        .map(UnitResultCodec::decode)
        .forEach(result -> result.outputs().forEach(o -> held.add(RecordFactory.key(o))));
    return held.isEmpty() ? diff : diff.keeping(o -> held.contains(RecordFactory.key(o)));
  }

  private void emit(OutputDiff diff, long timestamp) {
    diff.written()
        .forEach(
            o ->
                forward(
                    TranslationTopology.DESIRED_SINK,
                    RecordFactory.key(o),
                    RecordFactory.desired(o),
                    timestamp));
    diff.removed()
        .forEach(
            o -> forward(TranslationTopology.DESIRED_SINK, RecordFactory.key(o), null, timestamp));
    diff.hostChanges()
        .forEach(
            c ->
                forward(
                    TranslationTopology.EVENTS_SINK,
                    RecordFactory.hostKey(c.output().host()),
                    RecordFactory.hostEvent(c),
                    timestamp));
    diff.raised()
        .forEach(
            d ->
                forward(
                    TranslationTopology.EVENTS_SINK,
                    RecordFactory.inputKey(d),
                    RecordFactory.diagnosticEvent(d, true),
                    timestamp));
    diff.statusesWritten()
        .forEach(
            status ->
                forward(
                    TranslationTopology.STATUS_SINK,
                    RecordFactory.statusKey(status.input()),
                    RecordFactory.status(status),
                    timestamp));
    diff.statusesRemoved()
        .forEach(
            status ->
                forward(
                    TranslationTopology.STATUS_SINK,
                    RecordFactory.statusKey(status.input()),
                    null,
                    timestamp));
    diff.cleared()
        .forEach(
            d ->
                forward(
                    TranslationTopology.EVENTS_SINK,
                    RecordFactory.inputKey(d),
                    RecordFactory.diagnosticEvent(d, false),
                    timestamp));
  }

  private void forwardEvent(Object key, Object value, long timestamp) {
    forward(TranslationTopology.EVENTS_SINK, key, value, timestamp);
  }

  private void forward(String sink, Object key, Object value, long timestamp) {
    context.forward(new Record<>(key, value, timestamp), sink);
  }
}
