package dev.meshfed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class MeshfedTest {

  @ParameterizedTest
  @ValueSource(strings = {"events", "replay", "explain", "diff", "status", "check"})
  void everySubcommandTakesHelp(String subcommand) {
    StringWriter usage = new StringWriter();
    CommandLine meshfed = new CommandLine(new Meshfed()).setOut(new PrintWriter(usage));

    int exit = meshfed.execute(subcommand, "--help");

    assertThat(exit).isZero();
    assertThat(usage.toString()).startsWith("Usage: meshfed " + subcommand);
  }
}
