package dev.meshfed.translation.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.translate.FederationTranslator;
import dev.meshfed.translation.translate.GoldenCase;
import dev.meshfed.translation.translate.UnitId;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class UnitKeysTest {

  private static final Path CASES = Path.of("..", "translation-core").resolve(GoldenCase.CASES);

  static java.util.List<String> cases() throws IOException {
    try (java.util.stream.Stream<Path> dirs = java.nio.file.Files.list(CASES)) {
      return dirs.map(d -> d.getFileName().toString()).sorted().toList();
    }
  }

  /** A unit stored under its key is found again: its old outputs can be withdrawn. */
  @ParameterizedTest
  @MethodSource("cases")
  void everyUnitOfAGoldenCaseParsesBackFromItsKey(String name) throws IOException {
    GoldenCase golden = GoldenCase.load(CASES.resolve(name).resolve("input.yaml"));
    for (UnitId unit : FederationTranslator.allUnits(MeshInputs.of(golden.inputs()))) {
      assertThat(UnitKeys.parse(unit.key())).as(unit.key()).contains(unit);
    }
  }
}
