package dev.meshfed.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshfed.cli.check.CheckReport;
import dev.meshfed.cli.check.MeshSources;
import dev.meshfed.cli.output.Mappers;
import dev.meshfed.oracle.mesh.ConfigAdmission;
import dev.meshfed.oracle.mesh.FederationCheck;
import dev.meshfed.oracle.mesh.MeshOracle;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
    name = "check",
    description =
        "For every host meshfed federates, from every namespace that sees it: whether requests"
            + " reach the pods of the Service behind it in a real Istio mesh, or what stops them"
            + " (Istio's rules of 1.11-1.24 applied to the clusters' objects), and every Istio"
            + " object the cluster's Istio release would refuse. Like istioctl analyze, across"
            + " clusters.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every path reaches its pods and every object is valid",
      "1:a path is broken or an object would be refused",
      "2:invalid arguments, or the clusters or files cannot be read"
    })
public final class CheckCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--kubeconfig",
      paramLabel = "FILE",
      description =
          "Read live clusters, one per context (the context's name is the cluster's); default:"
              + " $KUBECONFIG, else ~/.kube/config.")
  Path kubeconfig;

  @Option(
      names = "--context",
      paramLabel = "C",
      description = "Only these contexts of the kubeconfig (repeatable).")
  List<String> contexts = new ArrayList<>();

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      description =
          "Read YAML files instead, one folder per cluster under DIR (a scenario's inputs, a"
              + " demo --dump step); repeat to add several up.")
  List<Path> directories = new ArrayList<>();

  @Option(
      names = {"-o", "--output"},
      defaultValue = "table",
      description = "table, yaml or json.")
  String output;

  private final PrintStream out;
  private final PrintStream err;

  public CheckCommand() {
    this(System.out, System.err);
  }

  public CheckCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() throws Exception {
    if (!List.of("table", "yaml", "json").contains(output)) {
      throw new ParameterException(spec.commandLine(), "-o must be table, yaml or json");
    }
    if (!directories.isEmpty() && (kubeconfig != null || !contexts.isEmpty())) {
      throw new ParameterException(
          spec.commandLine(), "--dir reads files: it goes with neither --kubeconfig nor --context");
    }
    Map<String, List<JsonNode>> objects;
    try {
      objects =
          directories.isEmpty()
              ? MeshSources.fromKubeconfig(kubeconfigPath(), contexts)
              : MeshSources.fromDirectories(directories);
    } catch (RuntimeException | java.io.IOException e) {
      err.println("cannot read the mesh: " + e.getMessage());
      return 2;
    }
    MeshOracle oracle = new MeshOracle(objects);
    CheckReport report =
        new CheckReport(
            FederationCheck.run(oracle, objects), ConfigAdmission.refusals(oracle, objects));
    switch (output) {
      case "yaml" -> out.print(Mappers.YAML.writeValueAsString(report.tree()));
      case "json" -> out.println(Mappers.INDENTED_JSON.writeValueAsString(report.tree()));
      default -> report.printTable(out);
    }
    return report.broken() ? 1 : 0;
  }

  private Path kubeconfigPath() {
    if (kubeconfig != null) {
      return kubeconfig;
    }
    String env = System.getenv("KUBECONFIG");
    return env != null && !env.isBlank()
        ? Path.of(env.split(java.io.File.pathSeparator)[0])
        : Path.of(System.getProperty("user.home"), ".kube", "config");
  }
}
