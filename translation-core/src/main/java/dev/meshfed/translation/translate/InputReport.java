package dev.meshfed.translation.translate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.translate.Diagnostic.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a translation says of the input it translates: its diagnostics, and the conflicts it loses
 * (each a WARNING; the first makes it FAILED), written at the end as its diagnostics and status.
 */
final class InputReport {

  private final ObjectId input;
  private final long generation;
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private final List<String> conflicts = new ArrayList<>();

  InputReport(ObjectId input, long generation) {
    this.input = input;
    this.generation = generation;
  }

  void add(Severity severity, String message) {
    diagnostics.add(new Diagnostic(input, severity, message));
  }

  void conflict(String message) {
    conflicts.add(message);
  }

  Optional<String> firstConflict() {
    return conflicts.stream().findFirst();
  }

  /** Writes the diagnostics and the status, with the counts of the input's kind, to {@code out}. */
  void writeTo(Translation.Builder out, ObjectNode counts) {
    List<Diagnostic> all = new ArrayList<>(diagnostics);
    conflicts.forEach(c -> all.add(new Diagnostic(input, Severity.WARNING, c)));
    all.forEach(out::diagnostic);
    out.status(StatusOutputs.of(input, generation, all, counts, firstConflict(), "accepted"));
  }
}
