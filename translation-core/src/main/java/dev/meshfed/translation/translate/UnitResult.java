package dev.meshfed.translation.translate;

import java.util.List;

/** What one unit translates to: desired objects, diagnostics and input statuses, all sorted. */
public record UnitResult(
    List<Output> outputs, List<Diagnostic> diagnostics, List<StatusOutput> statuses) {

  public static final UnitResult EMPTY = new UnitResult(List.of(), List.of());

  public UnitResult {
    outputs = outputs.stream().sorted().toList();
    diagnostics = diagnostics.stream().sorted().distinct().toList();
    // results stored before statuses existed have none
    statuses = statuses == null ? List.of() : statuses.stream().sorted().toList();
  }

  public UnitResult(List<Output> outputs, List<Diagnostic> diagnostics) {
    this(outputs, diagnostics, List.of());
  }

  public boolean isEmpty() {
    return outputs.isEmpty() && diagnostics.isEmpty() && statuses.isEmpty();
  }
}
