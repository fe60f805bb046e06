package dev.meshfed.cli;

import dev.meshfed.cli.replay.Coverage;
import dev.meshfed.cli.replay.DesiredHistory;
import dev.meshfed.cli.replay.DesiredTopicReader;
import dev.meshfed.cli.replay.ReplayOutput;
import dev.meshfed.cli.replay.ReplayedObject;
import dev.meshfed.schema.kafka.Topics;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "replay",
    description =
        "The desired config of every cluster (or the given ones) as the pipeline had published it"
            + " at a time, from the meshfed.desired.* topics alone.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the config was replayed",
      "1:no requested cluster had anything published at or before TIME",
      "2:invalid arguments"
    })
public final class ReplayCommand implements Callable<Integer> {

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

  @Mixin KafkaConnection kafka;

  @Spec CommandSpec spec;

  private final PrintStream out;
  private final PrintStream err;
  private final Clock clock;

  public ReplayCommand() {
    this(System.out, System.err, Clock.systemUTC());
  }

  public ReplayCommand(PrintStream out, PrintStream err, Clock clock) {
    this.out = out;
    this.err = err;
    this.clock = clock;
  }

  @Override
  public Integer call() throws Exception {
    Instant now = clock.instant();
    Instant time = at.resolve(now);
    DesiredTopicReader reader = new DesiredTopicReader(kafka.properties());
    SortedSet<String> requested = clusters.isEmpty() ? reader.clusters() : new TreeSet<>(clusters);
    if (requested.isEmpty()) {
      err.println("no cluster has a desired topic (" + Topics.DESIRED_PREFIX + "*)");
      return 1;
    }
    boolean anyKnown = false;
    List<ReplayedObject> printed = new ArrayList<>();
    for (String cluster : requested) {
      Optional<DesiredHistory> history = reader.read(cluster);
      if (history.isEmpty()) {
        err.println("cluster " + cluster + ": there is no topic " + Topics.desired(cluster).name());
        continue;
      }
      Coverage coverage = history.get().coverage(time);
      coverage.limits(cluster, time, now).forEach(err::println);
      if (!coverage.knowsAnything()) {
        continue;
      }
      anyKnown = true;
      List<ReplayedObject> objects =
          history.get().stateAt(time).values().stream()
              .map(record -> ReplayedObject.of(cluster, record))
              .sorted(ReplayedObject.ORDER)
              .toList();
      if (outputDir == null) {
        printed.addAll(objects);
      } else {
        int files = ReplayOutput.writeDump(outputDir, cluster, objects);
        err.println(
            "cluster "
                + cluster
                + ": "
                + files
                + (files == 1 ? " object" : " objects")
                + " written to "
                + outputDir.resolve(cluster));
      }
    }
    ReplayOutput.print(out, printed);
    return anyKnown ? 0 : 1;
  }
}
