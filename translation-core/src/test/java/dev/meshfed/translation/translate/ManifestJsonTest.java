package dev.meshfed.translation.translate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The desired records take the JSON the digest wrote: it must be the text they carried before,
 * {@code manifest.toString()}, or every object of every unit would be rewritten once.
 */
class ManifestJsonTest {

  static List<String> cases() throws IOException {
    return GoldenCase.names();
  }

  @ParameterizedTest
  @MethodSource("cases")
  void writesEachManifestAsItsToStringDoes(String name) throws IOException {
    GoldenCase golden = GoldenCase.named(name);
    ManifestJson json = new ManifestJson();
    List<UnitResult> results =
        List.copyOf(FederationTranslator.translateAll(golden.mesh(), golden.settings()).values());

    for (UnitResult result : results) {
      UnitSummary.of(result, json);
      for (Output output : result.outputs()) {
        assertThat(json.of(output)).isEqualTo(output.manifest().toString());
      }
    }
    assertThat(results).isNotEmpty();
  }
}
