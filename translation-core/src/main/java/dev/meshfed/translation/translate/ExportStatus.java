package dev.meshfed.translation.translate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshfed.translation.model.ServiceExportInput;
import dev.meshfed.translation.translate.Diagnostic.Severity;
import dev.meshfed.translation.translate.StatusOutput.State;
import java.util.ArrayList;
import java.util.List;

/**
 * A ServiceExport's status as the Multi-Cluster Services API defines it: the conditions {@code
 * Valid}, {@code Conflict} and {@code Ready}, each with a reason and a message, and no transition
 * time (distribution-service keeps or sets it when it writes the status). Its diagnostics are the
 * messages of the conditions that are not as they should be, and its state theirs.
 */
final class ExportStatus {

  static final String API_VERSION = "multicluster.x-k8s.io/v1alpha1";
  static final String VALID = "Valid";
  static final String CONFLICT = "Conflict";
  static final String READY = "Ready";

  private final ServiceExportInput export;
  private final ObjectNode status = Manifests.objectNode();
  private final ArrayNode conditions = status.putArray("conditions");
  private final List<Diagnostic> diagnostics = new ArrayList<>();

  ExportStatus(ServiceExportInput export) {
    this.export = export;
  }

  ExportStatus condition(String type, boolean holds, String reason, String message) {
    ObjectNode condition = conditions.addObject();
    condition.put("type", type);
    condition.put("status", holds ? "True" : "False");
    condition.put("reason", reason);
    condition.put("message", message);
    if (export.generation() > 0) {
      condition.put("observedGeneration", export.generation());
    }
    return this;
  }

  ExportStatus diagnostic(Severity severity, String message) {
    diagnostics.add(new Diagnostic(export.id(), severity, message));
    return this;
  }

  List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  StatusOutput build() {
    List<Diagnostic> sorted = diagnostics.stream().sorted().distinct().toList();
    State state =
        sorted.stream().anyMatch(d -> d.severity() == Severity.INVALID)
            ? State.INVALID
            : sorted.isEmpty() ? State.ACCEPTED : State.WARNING;
    String message =
        sorted.stream()
            .filter(d -> d.severity() == Severity.INVALID)
            .findFirst()
            .or(() -> sorted.stream().findFirst())
            .map(Diagnostic::message)
            .orElse("exported");
    Long observed = export.generation() > 0 ? export.generation() : null;
    return new StatusOutput(export.id(), API_VERSION, state, message, observed, status);
  }
}
