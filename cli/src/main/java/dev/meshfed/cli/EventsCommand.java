package dev.meshfed.cli;

import dev.meshfed.cli.events.EventFormat;
import dev.meshfed.cli.events.EventQuery;
import dev.meshfed.cli.events.EventReader;
import dev.meshfed.cli.events.TimeSpec;
import java.io.PrintStream;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "events",
    description =
        "Federation events (hosts federated, updated and withdrawn; inputs rejected and accepted;"
            + " clusters joined and left; applies failed and clusters converged), from meshfed.events"
            + " and every meshfed.applied.<cluster> topic, interleaved by time (each subject's"
            + " events in order).")
final class EventsCommand implements Callable<Integer> {

  @Option(
      names = {"-f", "--follow"},
      description = "Keep printing new events until Ctrl-C.")
  boolean follow;

  @Option(
      names = "--cluster",
      description = "Only events whose source, target or reporting cluster is this one.")
  String cluster;

  @Option(
      names = "--type",
      paramLabel = "TYPE",
      split = ",",
      description = "Only events of these types (HostFederated, ApplyFailed, ...; repeatable).")
  Set<String> types = new TreeSet<>();

  @Option(names = "--workspace", description = "Only events of this workspace.")
  String workspace;

  @Option(names = "--host", description = "Only events about this federated host.")
  String host;

  @Option(
      names = "--since",
      description = "From this time: a duration ago (30s, 15m, 2h, 7d) or RFC 3339.")
  String since;

  @Option(
      names = {"-o", "--output"},
      defaultValue = "table",
      description = "table, yaml or json (one JSON object per line).")
  String output;

  @Mixin KafkaConnection kafka;

  PrintStream out = System.out;
  private final AtomicReference<EventReader> reading = new AtomicReference<>();

  @Override
  public Integer call() throws Exception {
    EventFormat format = EventFormat.valueOf(output.toUpperCase(Locale.ROOT));
    Instant from = since == null ? null : TimeSpec.parse(since, Instant.now());
    EventQuery query = new EventQuery(cluster, workspace, host, types);
    try (EventReader reader = new EventReader(kafka.properties(), follow)) {
      reading.set(reader);
      Thread stopOnCtrlC = new Thread(this::stopFollowing);
      Runtime.getRuntime().addShutdownHook(stopOnCtrlC);
      if (format == EventFormat.TABLE) {
        out.println(EventFormat.TABLE_HEADER);
      }
      reader.read(
          from,
          event -> {
            if (query.matches(event)) {
              out.println(format.format(event));
            }
          });
      Runtime.getRuntime().removeShutdownHook(stopOnCtrlC);
    }
    return 0;
  }

  /** Ends a --follow (what Ctrl-C does). */
  void stopFollowing() {
    EventReader reader = reading.get();
    if (reader != null) {
      reader.stop();
    }
  }
}
