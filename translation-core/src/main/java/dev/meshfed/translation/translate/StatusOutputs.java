package dev.meshfed.translation.translate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.translate.Diagnostic.Severity;
import dev.meshfed.translation.translate.StatusOutput.State;
import java.util.List;
import java.util.Optional;

/**
 * The status of an input users write: a state from its diagnostics (INVALID over a failure to apply
 * over WARNING over ACCEPTED), the first of them as its message, the generation it reflects, the
 * diagnostics, and counts.
 */
final class StatusOutputs {

  static final String MESHFED_API_VERSION = "meshfed.dev/v1alpha1";
  static final String GLOO_VERSION = "v2";
  static final String OSSM_GROUP = "federation.maistra.io";
  static final String OSSM_VERSION = "v1";

  private StatusOutputs() {}

  static StatusOutput of(
      ObjectId input,
      long generation,
      List<Diagnostic> diagnostics,
      ObjectNode counts,
      Optional<String> failure,
      String accepted) {
    List<Diagnostic> sorted = diagnostics.stream().sorted().distinct().toList();
    State state = state(sorted);
    Optional<String> invalid =
        sorted.stream()
            .filter(d -> d.severity() == Severity.INVALID)
            .findFirst()
            .map(Diagnostic::message);
    if (invalid.isEmpty() && failure.isPresent()) {
      state = State.FAILED;
    }
    String message =
        invalid
            .or(() -> failure)
            .or(() -> sorted.stream().findFirst().map(Diagnostic::message))
            .orElse(accepted);
    Long observed = generation > 0 ? generation : null;
    ObjectNode status = Manifests.objectNode();
    status.put("state", state.name());
    status.put("message", message);
    if (observed != null) {
      status.put("observedGeneration", observed);
    }
    ArrayNode list = status.putArray("diagnostics");
    sorted.forEach(
        d -> list.addObject().put("severity", d.severity().name()).put("message", d.message()));
    status.setAll(counts);
    return new StatusOutput(input, apiVersion(input), state, message, observed, status);
  }

  private static State state(List<Diagnostic> diagnostics) {
    if (diagnostics.stream().anyMatch(d -> d.severity() == Severity.INVALID)) {
      return State.INVALID;
    }
    return diagnostics.isEmpty() ? State.ACCEPTED : State.WARNING;
  }

  /**
   * meshfed's kinds are published as KIND; the others as KIND.GROUP: OpenShift Service Mesh's of
   * its version v1, Gloo Mesh's of its v2.
   */
  static String apiVersion(ObjectId input) {
    int dot = input.kind().indexOf('.');
    if (dot < 0) {
      return MESHFED_API_VERSION;
    }
    String group = input.kind().substring(dot + 1);
    return group + "/" + (group.equals(OSSM_GROUP) ? OSSM_VERSION : GLOO_VERSION);
  }
}
