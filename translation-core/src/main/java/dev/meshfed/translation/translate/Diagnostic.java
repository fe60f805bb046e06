package dev.meshfed.translation.translate;

import dev.meshfed.translation.model.ObjectId;

/** A problem with one input, reported on its status and as an event; never an exception. */
public record Diagnostic(ObjectId input, Severity severity, String message)
    implements Comparable<Diagnostic> {

  public enum Severity {
    WARNING,
    INVALID
  }

  @Override
  public int compareTo(Diagnostic other) {
    int byInput = input.compareTo(other.input);
    return byInput != 0 ? byInput : message.compareTo(other.message);
  }
}
