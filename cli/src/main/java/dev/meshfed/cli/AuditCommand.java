package dev.meshfed.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every command that reads meshfed's topics shares: the Kafka connection options, and the
 * streams and clock it reports with (tests pass their own).
 */
abstract class AuditCommand implements Callable<Integer> {

  @Mixin KafkaConnection kafka;

  @Spec CommandSpec spec;

  protected final PrintStream out;
  protected final PrintStream err;
  protected final Clock clock;

  protected AuditCommand(PrintStream out, PrintStream err, Clock clock) {
    this.out = out;
    this.err = err;
    this.clock = clock;
  }
}
