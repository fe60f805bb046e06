package dev.meshfed.translation.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.translation.model.Input;
import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.model.WorkspaceSettingsInput;
import dev.meshfed.translation.translate.StatusOutput.State;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A field discovery could not read is a warning on its object's status, naming the field. */
class ReadProblemsTest {

  private static final String PROBLEM =
      "spec.options.federation.hostSuffix: expected a string, found a list";

  @Test
  void aProblemReadingSettingsIsAWarningOnTheirStatusAndChangesNothingElse() throws IOException {
    GoldenCase golden = GoldenCase.named("bookinfo");
    List<Input> inputs = new ArrayList<>(golden.inputs());
    inputs.replaceAll(i -> i instanceof WorkspaceSettingsInput s ? withProblem(s) : i);

    var withProblem = FederationTranslator.translateAll(MeshInputs.of(inputs), golden.settings());
    var without = FederationTranslator.translateAll(golden.mesh(), golden.settings());

    StatusOutput settings = settingsStatus(withProblem).orElseThrow();
    assertThat(settings.state()).isEqualTo(State.WARNING);
    assertThat(settings.message()).startsWith(PROBLEM).contains("the rest applies");
    assertThat(settingsStatus(without).orElseThrow().state()).isEqualTo(State.ACCEPTED);
    assertThat(outputs(withProblem)).isEqualTo(outputs(without)).isNotEmpty();
  }

  private static WorkspaceSettingsInput withProblem(WorkspaceSettingsInput s) {
    return new WorkspaceSettingsInput(
        s.id(),
        s.creationTimestamp(),
        s.federation(),
        s.importFrom(),
        s.exportTo(),
        s.isolation(),
        s.eastWestGateways(),
        s.generation(),
        List.of(PROBLEM));
  }

  private static Optional<StatusOutput> settingsStatus(
      java.util.SortedMap<UnitId, UnitResult> results) {
    return results.values().stream()
        .flatMap(r -> r.statuses().stream())
        .filter(s -> s.input().kind().equals("WorkspaceSettings"))
        .findFirst();
  }

  private static List<Output> outputs(java.util.SortedMap<UnitId, UnitResult> results) {
    return results.values().stream().flatMap(r -> r.outputs().stream()).toList();
  }
}
