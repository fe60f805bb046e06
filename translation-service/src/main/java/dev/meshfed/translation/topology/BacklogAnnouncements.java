package dev.meshfed.translation.topology;

import dev.meshfed.schema.events.EventKey;
import dev.meshfed.translation.records.RecordFactory;

/**
 * Tells the events topic when this partition's translation falls behind its input and when it
 * catches up. Translation commits a record's offset as soon as it has processed it, also when the
 * schedule deferred the units it affects or absorbed it into a due full recompute: without these
 * events, a reader that sees every discovered record committed cannot tell that outputs are still
 * to come. Each announcement goes out with the transaction that commits the input it is about.
 */
final class BacklogAnnouncements {

  private final EventKey subject;
  private final Forwarder forwarder;

  /** What was last announced since the task started: null for nothing yet. */
  private Boolean announcedBehind;

  private long behindSince;

  BacklogAnnouncements(EventKey subject, Forwarder forwarder) {
    this.subject = subject;
    this.forwarder = forwarder;
  }

  /**
   * Announces the schedule's state at wall-clock {@code now} if it differs from the last one
   * announced. The first call after the task starts always announces: what an earlier life of the
   * task announced last may be out of date.
   */
  void update(RecomputeSchedule schedule, long now) {
    boolean behind = schedule.behind();
    if (announcedBehind != null && announcedBehind == behind) {
      return;
    }
    Object event;
    if (behind) {
      behindSince = now;
      event =
          RecordFactory.translationBehind(schedule.deferredUnits(), schedule.fullRecomputeDue());
    } else if (announcedBehind == null) {
      event = RecordFactory.translationUpToDate();
    } else {
      event = RecordFactory.translationCaughtUp(now - behindSince);
    }
    forwarder.forward(TranslationTopology.EVENTS_SINK, subject, event, now);
    announcedBehind = behind;
  }
}
