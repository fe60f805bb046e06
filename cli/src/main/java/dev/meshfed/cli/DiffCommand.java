package dev.meshfed.cli;

import dev.meshfed.cli.audit.AuditTopicReader;
import dev.meshfed.cli.audit.DesiredDiff;
import dev.meshfed.cli.audit.DesiredEntry;
import dev.meshfed.cli.audit.LineDiff;
import dev.meshfed.cli.audit.Ref;
import dev.meshfed.cli.replay.DesiredHistory;
import dev.meshfed.cli.replay.ReplayedObject;
import dev.meshfed.schema.kafka.Topics;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

@Command(
    name = "diff",
    description =
        "What changed in the desired config between two times, and which inputs caused it.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the changes (or \"no changes\") were printed",
      "1:no requested cluster has a desired topic",
      "2:invalid arguments"
    })
public final class DiffCommand extends AuditCommand {

  @Option(
      names = "--from",
      required = true,
      paramLabel = "TIME",
      converter = Arguments.PointInTimeConverter.class,
      description = "A duration ago (30s, 15m, 2h, 7d) or RFC 3339.")
  Arguments.PointInTime from;

  @Option(
      names = "--to",
      required = true,
      paramLabel = "TIME",
      converter = Arguments.PointInTimeConverter.class,
      description = "A duration ago (30s, 15m, 2h, 7d) or RFC 3339.")
  Arguments.PointInTime to;

  @Option(
      names = "--cluster",
      paramLabel = "C",
      converter = Arguments.ClusterNameConverter.class,
      description = "Only this cluster (repeatable); default: every cluster with a desired topic.")
  List<String> clusters = new ArrayList<>();

  public DiffCommand() {
    this(System.out, System.err, Clock.systemUTC());
  }

  public DiffCommand(PrintStream out, PrintStream err, Clock clock) {
    super(out, err, clock);
  }

  @Override
  public Integer call() throws Exception {
    Instant now = clock.instant();
    Instant fromTime = from.resolve(now);
    Instant toTime = to.resolve(now);
    if (!fromTime.isBefore(toTime)) {
      throw new ParameterException(
          spec.commandLine(), "--from (" + fromTime + ") must be before --to (" + toTime + ")");
    }
    SortedSet<String> requested =
        clusters.isEmpty()
            ? new AuditTopicReader(kafka.properties()).desiredClusters()
            : new TreeSet<>(clusters);
    AuditTopicReader reader = new AuditTopicReader(kafka.properties());
    boolean anyTopic = false;
    int changes = 0;
    for (String cluster : requested) {
      Optional<List<DesiredEntry>> desired = reader.desired(cluster);
      if (desired.isEmpty()) {
        err.println("cluster " + cluster + ": there is no topic " + Topics.desired(cluster).name());
        continue;
      }
      anyTopic = true;
      new DesiredHistory(desired.get().stream().map(DesiredEntry::toRecord).toList(), 0)
          .coverage(fromTime)
          .limits(cluster, fromTime, now)
          .forEach(err::println);
      for (DesiredDiff.Change change :
          DesiredDiff.between(cluster, desired.get(), fromTime, toTime)) {
        changes++;
        print(change, reader, fromTime, toTime);
      }
    }
    if (!anyTopic) {
      err.println("no requested cluster has a desired topic (" + Topics.DESIRED_PREFIX + "*)");
      return 1;
    }
    if (changes == 0) {
      out.println("no changes");
    }
    out.flush();
    return 0;
  }

  private void print(DesiredDiff.Change change, AuditTopicReader reader, Instant f, Instant t) {
    ReplayedObject o = change.object();
    DesiredEntry version = change.explainedBy();
    out.println(
        change.type().sign
            + " "
            + o.cluster()
            + " "
            + o.kind()
            + " "
            + (version.namespace().isEmpty() ? "" : version.namespace() + "/")
            + o.name()
            + " ("
            + version.apiVersion()
            + ", workspace "
            + (version.workspace() == null ? "-" : version.workspace())
            + ")");
    if (version.sources().isEmpty()) {
      out.println("    (no sources recorded)");
    }
    for (Ref ref : version.sources()) {
      out.println("    " + DesiredDiff.cause(ref, reader.discovered(ref.cluster()), f, t));
    }
    if (change.type() == DesiredDiff.Type.CHANGED) {
      String path = o.cluster() + "/" + o.pathInCluster();
      LineDiff.unified(
              path + " @ " + f, path + " @ " + t, change.before().yaml(), change.after().yaml(), 3)
          .forEach(line -> out.println("    " + line));
    }
  }
}
