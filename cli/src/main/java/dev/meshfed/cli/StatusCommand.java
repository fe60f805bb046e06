package dev.meshfed.cli;

import dev.meshfed.cli.status.MeshStatus;
import dev.meshfed.cli.status.StatusFormat;
import dev.meshfed.cli.status.StatusInputs;
import dev.meshfed.cli.status.StatusReader;
import dev.meshfed.schema.kafka.Topics;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

@Command(
    name = "status",
    description =
        "Every cluster (joined, Istio versions, counts, last seen, translation lag, last apply"
            + " result), every workspace (what it selects, the hosts it federates), every"
            + " VirtualDestination, RouteTable, ExternalService and policy (its status) and the"
            + " open problems, from the topics.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the status was shown",
      "1:there is no meshfed data on that Kafka (no meshfed.discovered.* topic)",
      "2:invalid arguments"
    })
public final class StatusCommand extends AuditCommand {

  @Option(
      names = "--management-cluster",
      paramLabel = "C",
      defaultValue = "mgmt",
      converter = Arguments.ClusterNameConverter.class,
      description =
          "The cluster whose Workspaces count, as translation-service is configured (default:"
              + " ${DEFAULT-VALUE}).")
  String managementCluster;

  @Option(
      names = "--translation-group",
      paramLabel = "ID",
      defaultValue = "meshfed-translation",
      description =
          "translation-service's Kafka Streams application id, its consumer group (default:"
              + " ${DEFAULT-VALUE}).")
  String translationGroup;

  @Option(
      names = {"-o", "--output"},
      defaultValue = "table",
      description = "table, yaml or json.")
  String output;

  public StatusCommand() {
    this(System.out, System.err, Clock.systemUTC());
  }

  public StatusCommand(PrintStream out, PrintStream err, Clock clock) {
    super(out, err, clock);
  }

  @Override
  public Integer call() throws Exception {
    StatusFormat format = parseFormat();
    Optional<StatusInputs> inputs = new StatusReader(kafka.properties(), translationGroup).read();
    if (inputs.isEmpty()) {
      err.println(
          "there is no meshfed data on this Kafka: no topic "
              + Topics.DISCOVERED_PREFIX
              + "<cluster> (has a discovery-service run against it?)");
      return 1;
    }
    MeshStatus status = MeshStatus.of(inputs.get(), managementCluster, clock.instant());
    if (!status.knowsManagementCluster()) {
      err.println(
          "management cluster "
              + managementCluster
              + " has no topic "
              + Topics.discovered(managementCluster).name()
              + ": no workspace can be shown (see --management-cluster)");
    }
    out.print(format.format(status));
    out.flush();
    return 0;
  }

  private StatusFormat parseFormat() {
    try {
      return StatusFormat.valueOf(output.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(
          spec.commandLine(), "Invalid value for option '--output': use table, yaml or json", e);
    }
  }
}
