package dev.meshfed.translation.translate;

import java.util.List;

/** What one unit translates to: desired objects and diagnostics, both sorted. */
public record UnitResult(List<Output> outputs, List<Diagnostic> diagnostics) {

  public static final UnitResult EMPTY = new UnitResult(List.of(), List.of());

  public UnitResult {
    outputs = outputs.stream().sorted().toList();
    diagnostics = diagnostics.stream().sorted().distinct().toList();
  }

  public boolean isEmpty() {
    return outputs.isEmpty() && diagnostics.isEmpty();
  }
}
