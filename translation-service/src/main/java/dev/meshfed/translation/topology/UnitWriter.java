package dev.meshfed.translation.topology;

import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.records.RecordFactory;
import dev.meshfed.translation.records.TargetedKey;
import dev.meshfed.translation.translate.FederationTranslator;
import dev.meshfed.translation.translate.Membership;
import dev.meshfed.translation.translate.OutputDiff;
import dev.meshfed.translation.translate.UnitId;
import dev.meshfed.translation.translate.UnitResult;
import dev.meshfed.translation.translate.UnitSummary;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Recomputes units and writes what differs from what each wrote before ({@link UnitSummaries}):
 * desired records, statuses and events.
 */
final class UnitWriter {

  private final UnitSummaries summaries;
  private final MeshInputs mesh;
  private final Forwarder forwarder;

  UnitWriter(KeyValueStore<String, String> units, MeshInputs mesh, Forwarder forwarder) {
    this.summaries = new UnitSummaries(units);
    this.mesh = mesh;
    this.forwarder = forwarder;
  }

  /**
   * Translates a unit and writes what differs from what it last wrote, stamped {@code timestamp}.
   * Most units of a full recompute come out as before: those are neither diffed nor stored again.
   */
  void recompute(UnitId unit, Membership membership, long timestamp) {
    UnitResult after = FederationTranslator.translate(unit, mesh, membership);
    UnitSummary summary = UnitSummary.of(after);
    Optional<UnitSummary> before = summaries.changedFrom(unit, summary);
    if (before.isEmpty()) {
      return;
    }
    OutputDiff diff = OutputDiff.between(before.get(), after, summary);
    emit(withoutRivalsObjects(unit, diff, membership), timestamp);
    summaries.write(unit, summary);
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

  private void forward(String sink, Object key, Object value, long timestamp) {
    forwarder.forward(sink, key, value, timestamp);
  }
}
