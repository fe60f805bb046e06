package dev.meshfed.distribution.model;

/** What reading one record did to the desired state. */
public sealed interface RecordOutcome {

  /** The desired state of {@code key}'s identity may have changed: reconcile it. */
  record Changed(ObjectKey key) implements RecordOutcome {}

  /** The record could not be used; the desired state is as before. */
  record Rejected(String origin, String subject, String reason) implements RecordOutcome {}
}
