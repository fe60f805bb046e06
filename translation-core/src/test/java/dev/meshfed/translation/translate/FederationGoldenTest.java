package dev.meshfed.translation.translate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshfed.translation.model.Input;
import dev.meshfed.translation.model.MeshInputs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden cases: {@code golden/<case>/input.yaml} → {@code golden/<case>/expected.yaml}. Run with
 * {@code -Dgolden.update=true} to rewrite the expected files, then review the diff like code.
 */
class FederationGoldenTest {

  private static final Path CASES = GoldenCase.CASES;
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  static Stream<String> cases() throws IOException {
    return GoldenCase.names().stream();
  }

  @ParameterizedTest
  @MethodSource("cases")
  void translatesAsExpected(String name) throws IOException {
    GoldenCase golden = GoldenCase.named(name);
    String actual = render(FederationTranslator.translateAll(golden.mesh(), golden.settings()));

    Path expected = CASES.resolve(name).resolve("expected.yaml");
    if (UPDATE) {
      Files.writeString(expected, actual);
    }
    assertThat(expected).as("golden file; run with -Dgolden.update=true to create it").exists();
    assertThat(actual).isEqualTo(Files.readString(expected));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void doesNotDependOnInputOrder(String name) throws IOException {
    GoldenCase golden = GoldenCase.named(name);
    List<Input> shuffled = new ArrayList<>(golden.inputs());
    Collections.shuffle(shuffled, new Random(name.hashCode()));

    assertThat(
            render(FederationTranslator.translateAll(MeshInputs.of(shuffled), golden.settings())))
        .isEqualTo(render(FederationTranslator.translateAll(golden.mesh(), golden.settings())));
  }

  /** Outputs grouped by cluster, then diagnostics: all sorted, so the text is stable. */
  static String render(SortedMap<UnitId, UnitResult> results) throws IOException {
    SortedMap<String, List<Output>> byCluster = new TreeMap<>();
    List<Diagnostic> diagnostics = new ArrayList<>();
    List<StatusOutput> statuses = new ArrayList<>();
    results
        .values()
        .forEach(
            r -> {
              r.outputs()
                  .forEach(
                      o -> byCluster.computeIfAbsent(o.cluster(), c -> new ArrayList<>()).add(o));
              diagnostics.addAll(r.diagnostics());
              statuses.addAll(r.statuses());
            });
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    ObjectNode clusters = root.putObject("clusters");
    byCluster.forEach(
        (cluster, outputs) -> {
          ArrayNode list = clusters.putArray(cluster);
          outputs.stream().sorted().forEach(o -> list.add(o.manifest()));
        });
    ArrayNode diag = root.putArray("diagnostics");
    diagnostics.stream()
        .sorted()
        .forEach(
            d ->
                diag.addObject()
                    .put("input", d.input().ref())
                    .put("severity", d.severity().name())
                    .put("message", d.message()));
    ArrayNode status = root.putArray("statuses");
    statuses.stream()
        .sorted()
        .forEach(
            s ->
                status
                    .addObject()
                    .put("input", s.input().ref())
                    .put("apiVersion", s.apiVersion())
                    .set("status", s.status()));
    return GoldenCase.YAML.writeValueAsString(root);
  }
}
