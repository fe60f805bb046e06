package dev.meshfed.e2e;

import dev.meshfed.cli.ReplayCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** {@code meshfed replay}, run in this JVM against a pipeline's broker. */
record ReplayRun(int exitCode, String out, String err) {

  static ReplayRun of(String bootstrapServers, String... arguments) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    List<String> withBroker = new ArrayList<>(List.of(arguments));
    withBroker.addAll(List.of("--bootstrap-server", bootstrapServers));
    int exit =
        new CommandLine(
                new ReplayCommand(
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8),
                    Clock.systemUTC()))
            .execute(withBroker.toArray(String[]::new));
    return new ReplayRun(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** Whether a --recompute found every cluster's desired topic what its inputs imply. */
  boolean consistent(int clusters) {
    return exitCode == 0
        && out.lines().filter(l -> l.startsWith("cluster ")).count() == clusters
        && out.lines()
            .filter(l -> l.startsWith("cluster "))
            .allMatch(l -> l.contains(": consistent: "));
  }
}
