package dev.meshfed.e2e;

import dev.meshfed.cli.MeshfedHome;
import dev.meshfed.cli.events.EventReader;
import dev.meshfed.cli.events.EventView;
import dev.meshfed.lab.demo.DemoPipeline;
import dev.meshfed.lab.demo.KafkaSecurity;
import dev.meshfed.lab.demo.ServiceJvm;
import dev.meshfed.lab.demo.ServiceLayout;
import dev.meshfed.oracle.mesh.ManagedObjects;
import dev.meshfed.testbed.SimulatedCluster;
import dev.meshfed.testbed.scenario.ManagedObjectDumper;
import dev.meshfed.testbed.scenario.Scenario;
import dev.meshfed.testbed.scenario.Step;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.clients.CommonClientConfigs;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A scenario of {@code src/test/resources/scenarios} run through all three services: each step
 * applied, converged, dumped and compared with {@code expected/<scenario>/<step>}. A test class
 * registers one as a static extension: the pipeline starts before its tests and stops after.
 */
final class ScenarioRun implements BeforeAllCallback, AfterAllCallback {

  static final Path RESOURCES = Path.of("src/test/resources");
  static final Duration STEP_TIMEOUT = Duration.ofSeconds(120);

  private final String name;
  private final KafkaSecurity security;
  private final List<String> crdDirs;
  private final Path expected;
  private final Path dumps;
  private final Path workDir;
  private final Map<String, Instant> convergedAt = new LinkedHashMap<>();
  private Scenario scenario;
  private DemoPipeline pipeline;

  ScenarioRun(String name) {
    this(name, List.of());
  }

  /**
   * A scenario whose clusters also serve the CRDs in {@code crdDirs} (under the test resources)
   * before the services start, as clusters with another product installed (Gloo Mesh's) would.
   */
  ScenarioRun(String name, List<String> crdDirs) {
    this(name, crdDirs, KafkaSecurity.NONE, name);
  }

  private ScenarioRun(String name, List<String> crdDirs, KafkaSecurity security, String runName) {
    this.crdDirs = List.copyOf(crdDirs);
    this.name = name;
    this.security = security;
    this.expected = RESOURCES.resolve("expected").resolve(name);
    this.dumps = Path.of("target/e2e/dumps").resolve(runName);
    this.workDir = Path.of("target/e2e").resolve(runName);
  }

  /** The scenario's steps and expected dumps, run under another name (its own dumps and work). */
  static ScenarioRun named(String runName, String scenario) {
    return new ScenarioRun(scenario, List.of(), KafkaSecurity.NONE, runName);
  }

  /**
   * The scenario on a Kafka that authenticates every service (SASL/SCRAM) and enforces the ACLs of
   * docs/security.md; its files go under {@code <name>-secured}.
   */
  static ScenarioRun secured(String name) {
    return new ScenarioRun(name, List.of(), KafkaSecurity.SCRAM_WITH_ACLS, name + "-secured");
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    scenario = Scenario.load(RESOURCES.resolve("scenarios").resolve(name));
    pipeline =
        DemoPipeline.prepare(
            MeshfedHome.locate(),
            workDir,
            List.copyOf(scenario.clusters()),
            ServiceLayout.PER_CLUSTER,
            ServiceJvm.SMALL,
            security);
    for (String dir : crdDirs) {
      installCrds(RESOURCES.resolve(dir));
    }
    pipeline.startServices();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (pipeline != null) {
      pipeline.close();
    }
  }

  private void installCrds(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        for (SimulatedCluster cluster : pipeline.clusters().values()) {
          try (InputStream in = Files.newInputStream(file)) {
            cluster
                .client()
                .load(in)
                .items()
                .forEach(crd -> cluster.client().resource(crd).create());
          }
        }
      }
    }
  }

  DemoPipeline pipeline() {
    return pipeline;
  }

  Path expected(String step) {
    return expected.resolve(step);
  }

  /** When each step run so far converged, in order. */
  Map<String, Instant> convergedAt() {
    return convergedAt;
  }

  /** Applies a step, waits for convergence and compares every cluster with the step's dump. */
  void runAndCompare(String stepName) throws Exception {
    Step step = step(stepName);
    pipeline.apply(step);
    awaitAndCompare(step);
  }

  /** For a step whose changes were already applied. */
  void awaitAndCompare(Step step) throws Exception {
    pipeline.awaitConvergence(STEP_TIMEOUT, pending -> {});
    convergedAt.put(step.name(), Instant.now());
    Path dump = dumps.resolve(step.name());
    pipeline.dump(dump);
    DumpComparison.assertSameTree(dump, expected.resolve(step.name()));
  }

  /** Where a step's dump was written once it converged. */
  Path dumped(String step) {
    return dumps.resolve(step);
  }

  Step step(String name) {
    return scenario.steps().stream()
        .filter(s -> s.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no step " + name));
  }

  /** Every event on meshfed.events so far, in order. */
  List<EventView> events() {
    List<EventView> events = new ArrayList<>();
    Properties kafka = new Properties();
    kafka.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, pipeline.bootstrapServers());
    try (EventReader reader = new EventReader(kafka, false)) {
      reader.read(null, events::add);
    }
    return events;
  }

  /** The global hosts of the objects meshfed manages in a cluster. */
  List<String> hosts(String cluster) {
    return managed(cluster).stream()
        .map(o -> o.getMetadata().getAnnotations().get("meshfed.dev/host"))
        .filter(h -> h != null)
        .toList();
  }

  GenericKubernetesResource serviceEntry(String cluster, String name) {
    return managed(cluster).stream()
        .filter(o -> o.getKind().equals("ServiceEntry") && o.getMetadata().getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no ServiceEntry " + name + " in " + cluster));
  }

  /** The managed objects of one kind in a cluster. */
  List<GenericKubernetesResource> managed(String cluster, String kind) {
    return managed(cluster).stream().filter(o -> o.getKind().equals(kind)).toList();
  }

  /** A managed object, if the cluster has it. */
  Optional<GenericKubernetesResource> managed(
      String cluster, String kind, String namespace, String name) {
    return managed(cluster, kind).stream()
        .filter(o -> namespace.equals(o.getMetadata().getNamespace()))
        .filter(o -> name.equals(o.getMetadata().getName()))
        .findFirst();
  }

  /** The status meshfed wrote to one of its own resources (meshfed.dev/v1alpha1), or none yet. */
  @SuppressWarnings("unchecked")
  Map<String, Object> status(String cluster, String plural, String namespace, String name) {
    ResourceDefinitionContext context =
        new ResourceDefinitionContext.Builder()
            .withGroup("meshfed.dev")
            .withVersion("v1alpha1")
            .withPlural(plural)
            .withNamespaced(true)
            .build();
    GenericKubernetesResource object =
        pipeline
            .clusters()
            .get(cluster)
            .client()
            .genericKubernetesResources(context)
            .inNamespace(namespace)
            .withName(name)
            .get();
    Object status = object == null ? null : object.getAdditionalProperties().get("status");
    return status instanceof Map ? (Map<String, Object>) status : Map.of();
  }

  List<GenericKubernetesResource> managed(String cluster) {
    SimulatedCluster simulated = pipeline.clusters().get(cluster);
    return new ManagedObjectDumper(ManagedObjects.managedKinds())
        .managedObjects(simulated.client());
  }
}
