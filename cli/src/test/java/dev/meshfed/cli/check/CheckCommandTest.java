package dev.meshfed.cli.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.cli.CheckCommand;
import dev.meshfed.testbed.Kubeconfig;
import dev.meshfed.testbed.SimulatedCluster;
import dev.meshfed.testbed.scenario.ClusterStateApplier;
import dev.meshfed.testbed.scenario.Scenario;
import dev.meshfed.testbed.scenario.Step;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * meshfed check on the bookinfo-lifecycle scenario's first step: its inputs plus the objects
 * meshfed wrote for them (the e2e's reviewed dump), from files and from live clusters.
 */
class CheckCommandTest {

  private static final Path E2E = Path.of("../e2e-tests/src/test/resources");
  private static final Path INPUTS = E2E.resolve("scenarios/bookinfo-lifecycle/01-create");
  private static final Path MESHFED = E2E.resolve("expected/bookinfo-lifecycle/01-create");
  private static final String REMOTE_REVIEWS =
      "cluster1/istio-system/ServiceEntry/reviews-bookinfo-svc-cluster2-global.yaml";

  @TempDir Path temp;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  @Test
  void meshfedsOutputCarriesEveryConsumersRequestToThePods() {
    int exit = check("--dir", INPUTS.toString(), "--dir", MESHFED.toString());

    assertThat(exit).as(output()).isZero();
    assertThat(output())
        .contains("reviews.bookinfo.svc.cluster2.global")
        .containsPattern(
            "reviews\\.bookinfo\\.svc\\.cluster2\\.global +9080 +cluster1/bookinfo +reachable: 1"
                + " pod\\(s\\) of cluster2/bookinfo/reviews")
        .doesNotContain("NOT REACHABLE");
  }

  @Test
  void aRemoteEntryWithoutTheTlsModeLabelIsABrokenPath() throws IOException {
    Path broken = copy(MESHFED, temp.resolve("meshfed"));
    Path entry = broken.resolve(REMOTE_REVIEWS);
    Files.writeString(
        entry, Files.readString(entry).replace("security.istio.io/tlsMode: istio", "x: y"));

    int exit = check("--dir", INPUTS.toString(), "--dir", broken.toString(), "-o", "json");

    assertThat(exit).isEqualTo(1);
    assertThat(output()).contains("\"reason\" : \"PLAINTEXT_AT_GATEWAY\"");
  }

  @Test
  void liveClustersAreReadThroughEveryContextOfAKubeconfig() throws Exception {
    Scenario inputs = Scenario.load(INPUTS.getParent());
    Step step = inputs.steps().get(0);
    List<SimulatedCluster> clusters = new ArrayList<>();
    try {
      for (String name : List.of("cluster1", "cluster2")) {
        SimulatedCluster cluster = SimulatedCluster.start(name);
        clusters.add(cluster);
        new ClusterStateApplier(cluster)
            .apply(
                step.objectsByCluster().get(name).stream()
                    .filter(o -> !o.getApiVersion().startsWith("meshfed.dev/"))
                    .toList());
        for (Path file : yamlFiles(MESHFED.resolve(name))) {
          cluster.client().load(Files.newInputStream(file)).serverSideApply();
        }
      }
      Path kubeconfig = temp.resolve("kubeconfig");
      Kubeconfig.write(kubeconfig, clusters);

      int exit = check("--kubeconfig", kubeconfig.toString());

      assertThat(exit).as(output()).isZero();
      assertThat(output()).contains("cluster2/bookinfo").contains("cluster1/bookinfo");
    } finally {
      clusters.forEach(SimulatedCluster::close);
    }
  }

  @Test
  void filesAndKubeconfigDoNotGoTogether() {
    assertThat(check("--dir", INPUTS.toString(), "--kubeconfig", "k")).isEqualTo(2);
  }

  private int check(String... args) {
    PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
    return new CommandLine(new CheckCommand(print, print)).execute(args);
  }

  private String output() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private static List<Path> yamlFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  private static Path copy(Path from, Path to) throws IOException {
    for (Path file : yamlFiles(from)) {
      Path target = to.resolve(from.relativize(file));
      Files.createDirectories(target.getParent());
      Files.copy(file, target);
    }
    return to;
  }
}
