package dev.meshfed.translation.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.translate.FederationTranslator;
import dev.meshfed.translation.translate.GoldenCase;
import dev.meshfed.translation.translate.Membership;
import dev.meshfed.translation.translate.UnitId;
import dev.meshfed.translation.translate.UnitResult;
import dev.meshfed.translation.translate.UnitSummary;
import dev.meshfed.translation.translate.WrittenObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class UnitSummaryCodecTest {

  private static final Path CASES = Path.of("..", "translation-core").resolve(GoldenCase.CASES);

  /** How summaries were stored before {@link StoredUnitSummary}: the record as it is. */
  private static final ObjectMapper EARLIER =
      new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);

  static List<String> cases() throws IOException {
    try (Stream<Path> cases = Files.list(CASES)) {
      return cases.map(dir -> dir.getFileName().toString()).sorted().toList();
    }
  }

  @ParameterizedTest
  @MethodSource("cases")
  void everyUnitsSummaryComesBackAsItWasWritten(String name) throws IOException {
    for (UnitSummary summary : summaries(name)) {
      String stored = UnitSummaryCodec.encode(summary);
      assertSameSummary(UnitSummaryCodec.decode(stored), summary);
    }
  }

  @ParameterizedTest
  @MethodSource("cases")
  void summariesStoredByEarlierVersionsAreRead(String name) throws IOException {
    for (UnitSummary summary : summaries(name)) {
      assertSameSummary(UnitSummaryCodec.decode(EARLIER.writeValueAsString(summary)), summary);
    }
  }

  @ParameterizedTest
  @MethodSource("cases")
  void eachInputOfAUnitsHostsIsWrittenOnce(String name) throws IOException {
    for (UnitSummary summary : summaries(name)) {
      StoredUnitSummary stored = StoredUnitSummary.of(summary);
      List<ObjectId> named =
          summary.objects().stream()
              .map(WrittenObject::hosted)
              .filter(Objects::nonNull)
              .flatMap(hosted -> hosted.sources().stream())
              .distinct()
              .toList();
      assertThat(stored.sources()).containsExactlyInAnyOrderElementsOf(named);
      if (stored.sources().size() > 1) {
        assertThat(UnitSummaryCodec.encode(summary).length())
            .isLessThan(EARLIER.writeValueAsString(summary).length());
      }
    }
  }

  /**
   * The objects and diagnostics equal, and the statuses as JSON: a status read back holds its
   * numbers as the JSON parser types them, which need not be the types they were built with.
   */
  private static void assertSameSummary(UnitSummary read, UnitSummary written) {
    assertThat(read.objects()).isEqualTo(written.objects());
    assertThat(read.diagnostics()).isEqualTo(written.diagnostics());
    assertThat(UnitSummaryCodec.encode(read)).isEqualTo(UnitSummaryCodec.encode(written));
  }

  private static List<UnitSummary> summaries(String name) throws IOException {
    GoldenCase golden = GoldenCase.load(CASES.resolve(name).resolve("input.yaml"));
    MeshInputs mesh = golden.mesh();
    Membership membership = FederationTranslator.membership(mesh, golden.settings());
    List<UnitSummary> summaries = new ArrayList<>();
    for (UnitId unit : FederationTranslator.allUnits(mesh)) {
      UnitResult result = FederationTranslator.translate(unit, mesh, membership);
      summaries.add(UnitSummary.of(result));
    }
    assertThat(summaries).anyMatch(s -> !s.isEmpty());
    return summaries;
  }
}
