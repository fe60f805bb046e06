package dev.meshfed.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.lab.MeshfedLab;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * `meshfed demo --until-converged`, as the README's first command runs it: the services launch
 * while the harness still creates the topics, and bookinfo converges, reachable across the clusters
 * as the mesh oracle tells it in the demo's federation table.
 */
class DemoCommandIT {

  private static final Path WORK = Path.of("target/e2e/demo");
  private static final Path DUMP = Path.of("target/e2e/demo-dump");

  @Test
  void convergesOnBookinfoWithEveryHostReachableFromItsWorkspace() throws Exception {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream stdout = System.out;
    int exit;
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      exit =
          MeshfedLab.commandLine()
              .execute(
                  "demo",
                  "--until-converged",
                  "--work-dir",
                  WORK.toString(),
                  "--dump",
                  DUMP.toString());
    } finally {
      System.setOut(stdout);
    }
    String output = captured.toString(StandardCharsets.UTF_8);
    System.out.println(output);

    assertThat(exit).isZero();
    assertThat(output).contains("== step final: converged").contains("Converged.");
    List<String> ratingsInCluster1 =
        output
            .lines()
            .filter(line -> line.startsWith("ratings.bookinfo.svc.cluster2.global"))
            .map(line -> List.of(line.trim().split("\\s+")))
            .filter(columns -> columns.get(2).equals("cluster1"))
            // host, from, in, API version, exported to, reachable from
            .map(columns -> columns.size() == 6 ? columns.get(5) : "(none) " + columns)
            .toList();
    assertThat(ratingsInCluster1).as("reachable from, in cluster1").containsExactly("bookinfo");
    for (String cluster : List.of("cluster1", "cluster2")) {
      try (Stream<Path> files = Files.walk(DUMP.resolve("final").resolve(cluster))) {
        assertThat(files.filter(Files::isRegularFile)).as(cluster).isNotEmpty();
      }
    }
  }
}
