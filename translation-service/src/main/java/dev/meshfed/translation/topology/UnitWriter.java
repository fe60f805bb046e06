package dev.meshfed.translation.topology;

import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.records.RecordFactory;
import dev.meshfed.translation.records.TargetedKey;
import dev.meshfed.translation.translate.FederationTranslator;
import dev.meshfed.translation.translate.ManifestJson;
import dev.meshfed.translation.translate.Membership;
import dev.meshfed.translation.translate.OutputDiff;
import dev.meshfed.translation.translate.StatusOutput;
import dev.meshfed.translation.translate.UnitFailure;
import dev.meshfed.translation.translate.UnitId;
import dev.meshfed.translation.translate.UnitResult;
import dev.meshfed.translation.translate.UnitSummary;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jboss.logging.Logger;

/**
 * Recomputes units and writes what differs from what each wrote before ({@link UnitSummaries}):
 * desired records, statuses and events.
 */
final class UnitWriter {

  private static final Logger LOG = Logger.getLogger(UnitWriter.class);

  /** Translates one unit: {@link FederationTranslator#translate}, or a stand-in in tests. */
  @FunctionalInterface
  interface UnitTranslator {
    UnitResult translate(UnitId unit, MeshInputs mesh, Membership membership);
  }

  private final UnitSummaries summaries;
  private final MeshInputs mesh;
  private final Forwarder forwarder;
  private final UnitTranslator translator;

  /** The error each unit that fails to translate failed with last, so it is told once. */
  private final Map<String, String> failing = new HashMap<>();

  UnitWriter(KeyValueStore<String, String> units, MeshInputs mesh, Forwarder forwarder) {
    this(units, mesh, forwarder, FederationTranslator::translate);
  }

  UnitWriter(
      KeyValueStore<String, String> units,
      MeshInputs mesh,
      Forwarder forwarder,
      UnitTranslator translator) {
    this.summaries = new UnitSummaries(units);
    this.mesh = mesh;
    this.forwarder = forwarder;
    this.translator = translator;
  }

  /**
   * Translates a unit and writes what differs from what it last wrote, stamped {@code timestamp}.
   * Most units of a full recompute come out as before: those are neither diffed nor stored again.
   *
   * @return false if the translation threw: the unit then keeps what it wrote ({@link
   *     UnitFailure}), and the stream goes on with the other units
   */
  boolean recompute(UnitId unit, Membership membership, long timestamp) {
    UnitResult after;
    UnitSummary summary;
    ManifestJson json = new ManifestJson();
    try {
      after = translator.translate(unit, mesh, membership);
      summary = UnitSummary.of(after, json);
    } catch (RuntimeException e) {
      failed(unit, e, timestamp);
      return false;
    }
    if (failing.remove(unit.key()) != null) {
      LOG.infof("Translating %s succeeds again", unit.key());
    }
    Optional<UnitSummary> before = summaries.changedFrom(unit, summary);
    if (before.isEmpty()) {
      return true;
    }
    OutputDiff diff = OutputDiff.between(before.get(), after, summary);
    emit(withoutRivalsObjects(unit, diff, membership), json, timestamp);
    summaries.write(unit, summary);
    return true;
  }

  /**
   * Keeps the unit's objects, marks its input's status FAILED, and tells it in the log and the
   * events once per distinct error.
   */
  private void failed(UnitId unit, RuntimeException e, long timestamp) {
    String error = describe(e);
    if (error.equals(failing.put(unit.key(), error))) {
      LOG.debugf("Translating %s failed again: %s", unit.key(), error);
      return;
    }
    LOG.errorf(e, "Translating %s failed; what it wrote before stays as it was", unit.key());
    forward(
        TranslationTopology.EVENTS_SINK,
        RecordFactory.unitKey(unit),
        RecordFactory.translationFailed(unit, error),
        timestamp);
    UnitSummary before = summaries.lastWritten(unit);
    UnitSummary kept = UnitFailure.kept(unit, before, error);
    kept.statuses().stream()
        .filter(status -> !before.statuses().contains(status))
        .forEach(status -> writeStatus(status, timestamp));
    if (!kept.equals(before)) {
      summaries.write(unit, kept);
    }
  }

  private static String describe(RuntimeException e) {
    StackTraceElement[] trace = e.getStackTrace();
    return trace.length == 0 ? e.toString() : e + " at " + trace[0];
  }

  /** Units that produced something before, even if their input is gone now. */
  SortedSet<UnitId> storedUnits() {
    return summaries.storedUnits();
  }

  /**
   * A unit whose objects a rival took over (a service that lost a conflict, or was deleted and the
   * rival won; a VirtualDestination replaced by one of the other dialect) must not tombstone them
   * if the rival's unit already wrote them (see {@link FederationTranslator#rivalsHolding}).
   */
  private OutputDiff withoutRivalsObjects(UnitId unit, OutputDiff diff, Membership membership) {
    if (diff.removed().isEmpty()) {
      return diff;
    }
    Set<TargetedKey> held = new HashSet<>();
    FederationTranslator.rivalsHolding(unit, diff.removed(), mesh, membership).stream()
        .map(summaries::lastWritten)
        .forEach(summary -> summary.objects().forEach(o -> held.add(RecordFactory.key(o))));
    return held.isEmpty() ? diff : diff.keeping(o -> held.contains(RecordFactory.key(o)));
  }

  private void emit(OutputDiff diff, ManifestJson json, long timestamp) {
    diff.written()
        .forEach(
            o ->
                forward(
                    TranslationTopology.DESIRED_SINK,
                    RecordFactory.key(o),
                    RecordFactory.desired(o, json.of(o)),
                    timestamp));
    diff.removed()
        .forEach(
            o -> forward(TranslationTopology.DESIRED_SINK, RecordFactory.key(o), null, timestamp));
    diff.hostChanges()
        .forEach(
            c ->
                forward(
                    TranslationTopology.EVENTS_SINK,
                    RecordFactory.hostKey(c.object().host()),
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
    diff.statusesWritten().forEach(status -> writeStatus(status, timestamp));
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

  private void writeStatus(StatusOutput status, long timestamp) {
    forward(
        TranslationTopology.STATUS_SINK,
        RecordFactory.statusKey(status.input()),
        RecordFactory.status(status),
        timestamp);
  }

  private void forward(String sink, Object key, Object value, long timestamp) {
    forwarder.forward(sink, key, value, timestamp);
  }
}
