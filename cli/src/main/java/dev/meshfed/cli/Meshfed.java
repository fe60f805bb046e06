package dev.meshfed.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The meshfed command. */
@Command(
    name = "meshfed",
    // every subcommand gets --help and --version too
    scope = CommandLine.ScopeType.INHERIT,
    mixinStandardHelpOptions = true,
    version = "meshfed 0.1.0",
    description = "Multi-cluster Istio federation over Kafka.",
    subcommands = {
      DemoCommand.class,
      EventsCommand.class,
      ReplayCommand.class,
      ExplainCommand.class,
      DiffCommand.class,
      StatusCommand.class,
      BenchCommand.class,
      CheckCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Meshfed implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    // The in-process broker and API servers log through JUL and SLF4J: route both to JBoss
    // LogManager (configured by logging.properties) before anything creates a logger.
    System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
    System.exit(new CommandLine(new Meshfed()).execute(args));
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
