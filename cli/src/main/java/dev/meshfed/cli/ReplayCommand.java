package dev.meshfed.cli;

import dev.meshfed.cli.audit.AuditTopicReader;
import dev.meshfed.cli.audit.Consistency;
import dev.meshfed.cli.audit.DesiredEntry;
import dev.meshfed.cli.audit.ImpliedConfig;
import dev.meshfed.cli.audit.Lookup;
import dev.meshfed.cli.audit.RecordedInputs;
import dev.meshfed.cli.kafka.WholeTopic;
import dev.meshfed.cli.replay.Coverage;
import dev.meshfed.cli.replay.DesiredHistory;
import dev.meshfed.cli.replay.ReplayOutput;
import dev.meshfed.cli.replay.ReplayedObject;
import dev.meshfed.schema.kafka.Topics;
import dev.meshfed.translation.translate.TranslationSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "replay",
    description =
        "The desired config of every cluster (or the given ones) as the pipeline had published it"
            + " at a time, from the meshfed.desired.* topics alone. With --recompute, also"
            + " re-derives it from the inputs recorded as of that time and reports every"
            + " difference.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the config was replayed (and, with --recompute, is what the inputs imply)",
      "1:no requested cluster had anything published at or before TIME",
      "2:invalid arguments",
      "3:--recompute found a difference between what was published and what the inputs imply"
    })
public final class ReplayCommand extends AuditCommand {

  /** --recompute found a difference. */
  public static final int INCONSISTENT = 3;

  @Option(
      names = "--at",
      required = true,
      paramLabel = "TIME",
      converter = Arguments.PointInTimeConverter.class,
      description = "A duration ago (30s, 15m, 2h, 7d) or RFC 3339 (2026-11-22T14:00:00Z).")
  Arguments.PointInTime at;

  @Option(
      names = "--cluster",
      paramLabel = "C",
      converter = Arguments.ClusterNameConverter.class,
      description = "Only this cluster (repeatable); default: every cluster with a desired topic.")
  List<String> clusters = new ArrayList<>();

  @Option(
      names = {"-o", "--output-dir"},
      paramLabel = "DIR",
      description =
          "Write DIR/<cluster>/<namespace>/<Kind>/<name>.yaml, as `demo --dump` does (replacing"
              + " DIR/<cluster>); default: YAML documents on stdout.")
  Path outputDir;

  @Option(
      names = "--recompute",
      description =
          "Also re-derive each cluster's desired config from the inputs recorded as of TIME (the"
              + " meshfed.discovered.* topics) with translation's own code, and report on stdout,"
              + " instead of the YAML documents, whether it is what was published: each object"
              + " published but not implied (-), implied but not published (+) or published"
              + " otherwise (~, with a unified diff).")
  boolean recompute;

  @Mixin TranslationOptions translation;

  public ReplayCommand() {
    this(System.out, System.err, Clock.systemUTC());
  }

  public ReplayCommand(PrintStream out, PrintStream err, Clock clock) {
    super(out, err, clock);
  }

  @Override
  public Integer call() throws Exception {
    Instant now = clock.instant();
    Instant time = at.resolve(now);
    AuditTopicReader reader = new AuditTopicReader(kafka.properties());
    SortedSet<String> requested =
        clusters.isEmpty() ? reader.desiredClusters() : new TreeSet<>(clusters);
    Optional<ImpliedConfig> implied =
        recompute ? Optional.of(implied(reader, time, now)) : Optional.empty();
    if (clusters.isEmpty()) {
      // a cluster the inputs imply config for must be audited even if it has no desired topic
      implied.ifPresent(config -> requested.addAll(config.byCluster().keySet()));
    }
    if (requested.isEmpty()) {
      err.println("no cluster has a desired topic (" + Topics.DESIRED_PREFIX + "*)");
      return 1;
    }
    boolean anyKnown = false;
    boolean consistent = true;
    List<ReplayedObject> printed = new ArrayList<>();
    implied.ifPresent(
        config -> {
          out.println(config.summary());
          config.inputs().notes().forEach(note -> out.println("note: " + note));
        });
    for (String cluster : requested) {
      Map<String, DesiredEntry> published = Map.of();
      Optional<WholeTopic.Contents<DesiredEntry>> topic = reader.desiredTopic(cluster);
      if (topic.isEmpty()) {
        err.println("cluster " + cluster + ": there is no topic " + Topics.desired(cluster).name());
      } else {
        Coverage coverage = coverage(topic.get(), time);
        coverage.limits(cluster, time, now).forEach(err::println);
        if (coverage.knowsAnything()) {
          anyKnown = true;
          published = Lookup.stateAt(topic.get().records(), time);
          printed.addAll(replayed(cluster, published));
        }
      }
      if (implied.isPresent()) {
        Consistency.Report report =
            Consistency.check(cluster, published, implied.get().of(cluster));
        Consistency.lines(report).forEach(out::println);
        consistent &= report.consistent();
      }
    }
    if (implied.isEmpty()) {
      ReplayOutput.print(out, printed);
    }
    out.flush();
    if (!consistent) {
      return INCONSISTENT;
    }
    return anyKnown ? 0 : 1;
  }

  private ImpliedConfig implied(AuditTopicReader reader, Instant time, Instant now) {
    TranslationSettings settings = translation.settings();
    return ImpliedConfig.of(
        RecordedInputs.of(reader.allDiscovered(), time, now, settings), settings);
  }

  private static Coverage coverage(WholeTopic.Contents<DesiredEntry> topic, Instant time) {
    return new DesiredHistory(
            topic.records().stream().map(DesiredEntry::toRecord).toList(), topic.logStartOffset())
        .coverage(time);
  }

  /** The objects in YAML; written to the output dir when there is one, else to be printed. */
  private List<ReplayedObject> replayed(String cluster, Map<String, DesiredEntry> published)
      throws IOException {
    List<ReplayedObject> objects =
        published.values().stream()
            .map(entry -> ReplayedObject.of(cluster, entry.toRecord()))
            .sorted(ReplayedObject.ORDER)
            .toList();
    if (outputDir == null) {
      return objects;
    }
    int files = ReplayOutput.writeDump(outputDir, cluster, objects);
    err.println(
        "cluster "
            + cluster
            + ": "
            + files
            + (files == 1 ? " object" : " objects")
            + " written to "
            + outputDir.resolve(cluster));
    return List.of();
  }
}
