package dev.meshfed.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.cli.StatusCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import picocli.CommandLine;

/** {@code meshfed status}, run in this JVM as a user would run it. */
final class StatusOutput {

  private StatusOutput() {}

  /** Its output; fails the test unless it exits 0 with nothing on stderr. */
  static String of(String... arguments) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        new CommandLine(
                new StatusCommand(
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8),
                    Clock.systemUTC()))
            .execute(arguments);
    String output = out.toString(StandardCharsets.UTF_8);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(exit).as(output).isZero();
    return output;
  }
}
