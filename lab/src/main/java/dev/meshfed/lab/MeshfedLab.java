package dev.meshfed.lab;

import dev.meshfed.cli.Meshfed;
import picocli.CommandLine;

/**
 * The meshfed command with the subcommands that run the test bed in this JVM: {@code demo} (a
 * broker, simulated clusters and the services, on a scenario) and {@code bench}. {@code
 * bin/meshfed} runs this.
 */
public final class MeshfedLab {

  // classes, not instances: picocli creates them once the logging manager is set
  private static final Object[] SUBCOMMANDS = {DemoCommand.class, BenchCommand.class};

  private MeshfedLab() {}

  public static void main(String[] args) {
    System.exit(Meshfed.execute(args, SUBCOMMANDS));
  }

  /** The meshfed command with {@code demo} and {@code bench}. */
  public static CommandLine commandLine() {
    return Meshfed.commandLine(SUBCOMMANDS);
  }
}
