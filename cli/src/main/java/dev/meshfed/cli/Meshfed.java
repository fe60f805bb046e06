package dev.meshfed.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The meshfed command. The lab ({@code dev.meshfed.lab.MeshfedLab}, which {@code bin/meshfed} runs)
 * adds the subcommands that run the test bed, {@code demo} and {@code bench}, through {@link
 * #commandLine}.
 */
@Command(
    name = "meshfed",
    // every subcommand gets --help and --version too
    scope = CommandLine.ScopeType.INHERIT,
    mixinStandardHelpOptions = true,
    version = "meshfed 0.1.0",
    description = "Multi-cluster Istio federation over Kafka.",
    subcommands = {
      EventsCommand.class,
      ReplayCommand.class,
      ExplainCommand.class,
      DiffCommand.class,
      StatusCommand.class,
      CheckCommand.class,
      KafkaUsersCommand.class
    })
public final class Meshfed implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /**
   * Runs the command line with these subcommands added; the exit code.
   *
   * @param extraSubcommands as {@link #commandLine} takes them
   */
  public static int execute(String[] args, Object... extraSubcommands) {
    // The in-process broker and API servers log through JUL and SLF4J: route both to JBoss
    // LogManager (configured by logging.properties) before anything creates a logger.
    System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
    return commandLine(extraSubcommands).execute(args);
  }

  /**
   * The meshfed command with these subcommands added after its own, and {@code help} last.
   *
   * @param extraSubcommands {@code @Command} classes, or instances of them
   */
  public static CommandLine commandLine(Object... extraSubcommands) {
    CommandLine meshfed = new CommandLine(new Meshfed());
    for (Object subcommand : extraSubcommands) {
      meshfed.addSubcommand(subcommand);
    }
    return meshfed.addSubcommand(CommandLine.HelpCommand.class);
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
