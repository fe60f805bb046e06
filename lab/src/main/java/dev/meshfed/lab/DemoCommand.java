package dev.meshfed.lab;

import dev.meshfed.cli.MeshfedHome;
import dev.meshfed.lab.demo.ConvergenceTimeoutException;
import dev.meshfed.lab.demo.DemoPipeline;
import dev.meshfed.lab.demo.EventPrinter;
import dev.meshfed.lab.demo.FederationTable;
import dev.meshfed.testbed.scenario.Scenario;
import dev.meshfed.testbed.scenario.ScenarioException;
import dev.meshfed.testbed.scenario.Step;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "demo",
    description =
        "Start a Kafka broker, simulated clusters and the three services; load a scenario; show"
            + " what is federated where.")
final class DemoCommand implements Callable<Integer> {

  @Option(
      names = "--scenario",
      description = "Scenario directory (cluster dirs, or numbered step dirs). Default: bookinfo.")
  Path scenarioDir;

  @Option(names = "--until-converged", description = "Exit 0 once every step has converged.")
  boolean untilConverged;

  @Option(names = "--dump", description = "Write managed objects to DIR/<step>/<cluster>/...")
  Path dumpDir;

  @Option(
      names = "--timeout",
      defaultValue = "180",
      description = "Seconds per step (default ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  @Option(names = "--work-dir", description = "Where broker data, logs and kubeconfig go.")
  Path workDir;

  @Override
  public Integer call() throws Exception {
    PrintStream out = System.out;
    MeshfedHome home = MeshfedHome.locate();
    Scenario scenario;
    try {
      scenario = Scenario.load(scenarioDir != null ? scenarioDir : home.defaultScenario());
    } catch (ScenarioException e) {
      System.err.println("meshfed demo: " + e.getMessage());
      return 2;
    }
    Path work = workDir != null ? workDir : home.dir().resolve("target/demo");
    out.printf("Starting Kafka, clusters %s and the services …%n", scenario.clusters());
    try (DemoPipeline pipeline = DemoPipeline.start(home, work, List.copyOf(scenario.clusters()));
        EventPrinter events = new EventPrinter(pipeline.bootstrapServers(), out)) {
      Runtime.getRuntime().addShutdownHook(new Thread(pipeline::close));
      out.printf(
          "Kafka: %s   kubeconfig: %s   logs: %s%n",
          pipeline.bootstrapServers(), pipeline.kubeconfig(), work.resolve("logs"));
      for (Step step : scenario.steps()) {
        runStep(pipeline, step, out);
      }
      FederationTable.print(pipeline.federationTable(), out);
      if (untilConverged) {
        out.println("Converged.");
        return 0;
      }
      out.printf(
          "Running. Try: kubectl --kubeconfig %s --context cluster2 get serviceentries -A%n",
          pipeline.kubeconfig());
      out.println("Events as they happen, from another terminal: bin/meshfed events --follow");
      out.println("Ctrl-C to stop.");
      new CountDownLatch(1).await();
      return 0;
    } catch (ConvergenceTimeoutException e) {
      System.err.println(
          "meshfed demo: " + e.getMessage() + " (logs: " + work.resolve("logs") + ")");
      return 1;
    }
  }

  private void runStep(DemoPipeline pipeline, Step step, PrintStream out) throws Exception {
    out.printf("== step %s: applying inputs%n", step.name());
    pipeline.apply(step);
    String[] last = {""};
    pipeline.awaitConvergence(
        Duration.ofSeconds(timeoutSeconds),
        pending -> {
          String line = pending.isEmpty() ? "settling" : String.join("; ", pending);
          if (!line.equals(last[0])) {
            out.println("   … " + line);
            last[0] = line;
          }
        });
    out.printf("== step %s: converged%n", step.name());
    if (dumpDir != null) {
      pipeline.dump(dumpDir.resolve(step.name()));
    }
  }
}
