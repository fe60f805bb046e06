package dev.meshfed.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class MeshfedLabTest {

  @ParameterizedTest
  @ValueSource(
      strings = {"demo", "events", "replay", "explain", "diff", "status", "bench", "check"})
  void hasEverySubcommandOfMeshfedAndTheTestBedsEachTakingHelp(String subcommand) {
    StringWriter usage = new StringWriter();
    CommandLine meshfed = MeshfedLab.commandLine().setOut(new PrintWriter(usage));

    int exit = meshfed.execute(subcommand, "--help");

    assertThat(exit).isZero();
    assertThat(usage.toString()).startsWith("Usage: meshfed " + subcommand);
  }

  @ParameterizedTest
  @ValueSource(strings = {"demo", "bench"})
  void helpShowsTheTestBedsSubcommands(String subcommand) {
    StringWriter usage = new StringWriter();
    CommandLine meshfed = MeshfedLab.commandLine().setOut(new PrintWriter(usage));

    int exit = meshfed.execute("help", subcommand);

    assertThat(exit).isZero();
    assertThat(usage.toString()).startsWith("Usage: meshfed " + subcommand);
  }

  @ParameterizedTest
  @ValueSource(strings = {"demo", "bench"})
  void theTestBedsSubcommandsInheritVersion(String subcommand) {
    StringWriter out = new StringWriter();
    CommandLine meshfed = MeshfedLab.commandLine().setOut(new PrintWriter(out));

    int exit = meshfed.execute(subcommand, "--version");

    assertThat(exit).isZero();
    assertThat(out.toString()).contains("meshfed 0.1.0");
  }
}
