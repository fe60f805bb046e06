package dev.meshfed.cli;

import dev.meshfed.cli.audit.AuditTopicReader;
import dev.meshfed.cli.audit.DesiredEntry;
import dev.meshfed.cli.audit.ExplainFormat;
import dev.meshfed.cli.audit.Explanation;
import dev.meshfed.cli.audit.RecordedInputs;
import dev.meshfed.cli.audit.WhyMissing;
import dev.meshfed.schema.kafka.Topics;
import dev.meshfed.translation.translate.TranslationSettings;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

@Command(
    name = "explain",
    description =
        "Why an object of a cluster's desired config exists: the input objects that produced it"
            + " (cluster, kind, name, generation, topic offset, time) and the workspace and"
            + " settings that allowed it. For a missing object (deleted, or never published), the"
            + " translation rule that keeps it out, from the inputs recorded at that time.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the object exists at TIME",
      "1:it does not (deleted, or never published), or the cluster has no desired topic",
      "2:invalid arguments"
    })
public final class ExplainCommand extends AuditCommand {

  @Parameters(
      index = "0",
      paramLabel = "CLUSTER",
      converter = Arguments.ClusterNameConverter.class,
      description = "The cluster it is desired in.")
  String cluster;

  @Parameters(
      index = "1",
      paramLabel = "KIND/NAMESPACE/NAME",
      description = "The object (KIND/NAME for a cluster-scoped one).")
  String object;

  @Option(
      names = "--at",
      paramLabel = "TIME",
      converter = Arguments.PointInTimeConverter.class,
      description =
          "A duration ago (30s, 15m, 2h, 7d) or RFC 3339 (2026-11-22T14:00:00Z); default: now.")
  Arguments.PointInTime at;

  @Option(
      names = {"-o", "--output"},
      defaultValue = "table",
      description = "table, yaml or json.")
  String output;

  @Mixin TranslationOptions translation;

  public ExplainCommand() {
    this(System.out, System.err, Clock.systemUTC());
  }

  public ExplainCommand(PrintStream out, PrintStream err, Clock clock) {
    super(out, err, clock);
  }

  @Override
  public Integer call() throws Exception {
    Instant now = clock.instant();
    Instant time = at == null ? now : at.resolve(now);
    ExplainFormat format = parseFormat();
    String[] parts = object.split("/", -1);
    if (parts.length < 2 || parts.length > 3 || List.of(parts).contains("")) {
      throw new ParameterException(
          spec.commandLine(),
          "Invalid value for KIND/NAMESPACE/NAME: '"
              + object
              + "' (KIND/NAME when cluster-scoped)");
    }
    String kind = parts[0];
    String namespace = parts.length == 3 ? parts[1] : "";
    String name = parts[parts.length - 1];

    AuditTopicReader reader = new AuditTopicReader(kafka.properties());
    Optional<List<DesiredEntry>> desired = reader.desired(cluster);
    if (desired.isEmpty()) {
      err.println("cluster " + cluster + ": there is no topic " + Topics.desired(cluster).name());
      return 1;
    }
    Explanation explanation =
        Explanation.of(cluster, kind, namespace, name, time, desired.get(), reader::discovered);
    if (!explanation.exists()) {
      explanation =
          explanation.withWhyMissing(whyMissing(reader, kind, namespace, name, time, now));
    }
    out.print(format.format(explanation));
    out.flush();
    int topics = reader.discoveredTopicsRead();
    err.println("read " + topics + " discovered " + (topics == 1 ? "topic" : "topics"));
    return explanation.exists() ? 0 : 1;
  }

  /** What every cluster's inputs recorded as of the time say about the missing object. */
  private WhyMissing whyMissing(
      AuditTopicReader reader,
      String kind,
      String namespace,
      String name,
      Instant time,
      Instant now) {
    TranslationSettings settings = translation.settings();
    return WhyMissing.of(
        RecordedInputs.of(reader.allDiscovered(), time, now, settings),
        settings,
        cluster,
        kind,
        namespace,
        name);
  }

  private ExplainFormat parseFormat() {
    try {
      return ExplainFormat.valueOf(output.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(
          spec.commandLine(), "Invalid value for option '--output': use table, yaml or json", e);
    }
  }
}
