package dev.meshfed.lab.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshfed.cli.MeshfedHome;
import dev.meshfed.oracle.mesh.ClusterObjects;
import dev.meshfed.oracle.mesh.FederationCheck;
import dev.meshfed.oracle.mesh.ManagedObjects;
import dev.meshfed.oracle.mesh.MeshOracle;
import dev.meshfed.schema.kafka.TopicProvisioning;
import dev.meshfed.schema.kafka.TopicSettings;
import dev.meshfed.schema.kafka.TopicSpec;
import dev.meshfed.schema.kafka.Topics;
import dev.meshfed.testbed.KafkaBroker;
import dev.meshfed.testbed.Kubeconfig;
import dev.meshfed.testbed.SimulatedCluster;
import dev.meshfed.testbed.scenario.ClusterStateApplier;
import dev.meshfed.testbed.scenario.ManagedObjectDumper;
import dev.meshfed.testbed.scenario.Step;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The demo test bed: one in-process Kafka broker, one simulated API server per cluster, and the
 * three services as separate processes (one translation-service; a discovery-service and a
 * distribution-service per cluster, or one of each for all clusters) that meet only through Kafka
 * and the Kubernetes API.
 */
public final class DemoPipeline implements AutoCloseable {

  public static final String TRANSLATION_APP_ID = "meshfed-translation";

  private final Path workDir;
  private volatile KafkaBroker broker;
  private final Map<String, SimulatedCluster> clusters = new LinkedHashMap<>();
  private final Map<String, ClusterStateApplier> appliers = new LinkedHashMap<>();
  private final ServiceRoster services = new ServiceRoster();
  private final ServiceProcesses definitions;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Admin admin;
  private final TopicMirror mirror;
  private final ConvergenceProbe probe;
  private final ConvergenceWait convergence;
  private final KafkaLogins logins;

  private DemoPipeline(
      MeshfedHome home,
      Path workDir,
      List<String> clusterNames,
      ServiceLayout layout,
      ServiceJvm jvm,
      KafkaSecurity security,
      boolean startServices)
      throws IOException {
    this.workDir = workDir;
    // the API servers start while the broker does: each leaves the other's core half idle
    CompletableFuture<Map<String, SimulatedCluster>> started =
        CompletableFuture.supplyAsync(() -> DemoClusters.start(home, clusterNames));
    Path kafkaDir = workDir.resolve("kafka");
    this.broker =
        security == KafkaSecurity.NONE
            ? KafkaBroker.start(kafkaDir)
            : KafkaBroker.startWithSasl(kafkaDir);
    Files.writeString(kafkaProperties(), "bootstrap.servers=" + broker.bootstrapServers() + "\n");
    clusters.putAll(DemoClusters.joined(started));
    clusters
        .values()
        .forEach(cluster -> appliers.put(cluster.name(), new ClusterStateApplier(cluster)));
    Kubeconfig.write(kubeconfig(), List.copyOf(clusters.values()));
    for (SimulatedCluster cluster : clusters.values()) {
      Kubeconfig.write(clusterKubeconfig(cluster), List.of(cluster));
    }
    this.admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    this.logins = new KafkaLogins(broker, admin, security == KafkaSecurity.SCRAM_WITH_ACLS);
    logins.cli(TRANSLATION_APP_ID);
    this.definitions = new ServiceProcesses(home, workDir, clusters, logins, jvm);
    definitions.define(layout).forEach(services::define);
    if (startServices) {
      // the services provision the topics they write themselves: they start booting meanwhile
      startServices();
    }
    try {
      createTopics();
      this.mirror = new TopicMirror(broker.bootstrapServers());
      this.probe = new ConvergenceProbe(admin, mirror, clusters);
      this.convergence = new ConvergenceWait(probe, clusters.values(), services);
    } catch (RuntimeException e) {
      services.stopAll(); // not left running without a pipeline
      throw e;
    }
  }

  /**
   * Starts everything, discovery and distribution in multi-cluster mode: three JVMs start faster on
   * two cores than seven (the demo converged in 15-16 s rather than 26 s). They start as soon as
   * the broker and the clusters are up. The work directory is emptied first.
   */
  public static DemoPipeline start(MeshfedHome home, Path workDir, List<String> clusterNames)
      throws IOException {
    emptied(workDir);
    return new DemoPipeline(
        home,
        workDir,
        clusterNames,
        ServiceLayout.SHARED,
        ServiceJvm.DEMO,
        KafkaSecurity.NONE,
        true);
  }

  /**
   * The broker, the clusters and the topics, with no service running yet (so that inputs can be in
   * place before they start); the work directory is emptied first.
   */
  public static DemoPipeline prepare(
      MeshfedHome home,
      Path workDir,
      List<String> clusterNames,
      ServiceLayout layout,
      ServiceJvm jvm)
      throws IOException {
    return prepare(home, workDir, clusterNames, layout, jvm, KafkaSecurity.NONE);
  }

  public static DemoPipeline prepare(
      MeshfedHome home,
      Path workDir,
      List<String> clusterNames,
      ServiceLayout layout,
      ServiceJvm jvm,
      KafkaSecurity security)
      throws IOException {
    emptied(workDir);
    return new DemoPipeline(home, workDir, clusterNames, layout, jvm, security, false);
  }

  private static void emptied(Path workDir) throws IOException {
    deleteRecursively(workDir);
    Files.createDirectories(workDir);
  }

  /** Starts every service, translation instances defined before it among them. */
  public void startServices() {
    services.startAll();
  }

  public Map<String, ServiceProcess> processes() {
    return services.all();
  }

  public Path kubeconfig() {
    return workDir.resolve("kubeconfig");
  }

  private Path clusterKubeconfig(SimulatedCluster cluster) {
    return ServiceProcesses.clusterKubeconfig(workDir, cluster.name());
  }

  /** Client properties of the demo's broker, for `meshfed events` and other commands. */
  public Path kafkaProperties() {
    return workDir.resolve("kafka.properties");
  }

  /** The super user's listener: what the harness, and commands run against the demo, use. */
  public String bootstrapServers() {
    return broker.bootstrapServers();
  }

  /**
   * The Kafka client properties of a service's user ({@code meshfed-discovery-cluster2}, …), as its
   * process got them, or the {@code meshfed} command's ({@code meshfed-cli}): to try what that
   * principal may do.
   */
  public Map<String, String> kafkaClientProperties(String user) {
    return logins.clientProperties(user);
  }

  public Map<String, SimulatedCluster> clusters() {
    return clusters;
  }

  /** {@code translation-service}, or {@code discovery-service/<cluster>}, … */
  public ServiceProcess process(String service, String cluster) {
    return services.get(cluster == null ? service : service + "/" + cluster);
  }

  /** Moves every cluster to the step's complete input state. */
  public void apply(Step step) {
    appliers.forEach(
        (cluster, applier) ->
            applier.apply(step.objectsByCluster().getOrDefault(cluster, List.of())));
  }

  /**
   * As {@link #apply}, each cluster on a thread of its own: for loading large meshes, where the
   * order across clusters does not matter.
   */
  public void applyInParallel(Step step) {
    appliers.entrySet().parallelStream()
        .forEach(
            entry ->
                entry
                    .getValue()
                    .apply(step.objectsByCluster().getOrDefault(entry.getKey(), List.of())));
  }

  /**
   * Waits until the pipeline is at rest: nothing pending, and settled after the last write
   * discovery may read and the last start or stop ({@link ConvergenceWait}).
   */
  public void awaitConvergence(Duration timeout, Consumer<List<String>> progress)
      throws ConvergenceTimeoutException {
    convergence.await(timeout, progress);
  }

  /** Writes every meshfed-managed object of every cluster under dir/cluster/namespace/Kind/. */
  public void dump(Path dir) throws IOException {
    ManagedObjectDumper dumper = new ManagedObjectDumper(ManagedObjects.managedKinds());
    for (SimulatedCluster cluster : clusters.values()) {
      dumper.dump(cluster, dir);
    }
  }

  public List<FederationTable.Row> federationTable() {
    Map<String, List<JsonNode>> manifests = new LinkedHashMap<>();
    clusters.keySet().forEach(cluster -> manifests.put(cluster, probe.desiredManifests(cluster)));
    Map<String, KubernetesClient> clients = new LinkedHashMap<>();
    clusters.forEach((name, cluster) -> clients.put(name, cluster.client()));
    Map<String, List<JsonNode>> objects = ClusterObjects.read(clients);
    List<FederationCheck.Finding> findings = FederationCheck.run(new MeshOracle(objects), objects);
    return FederationTable.rows(
        manifests, (host, cluster) -> FederationCheck.summary(findings, host, cluster));
  }

  /** Stops a service on purpose (a restart test); convergence does not expect it alive. */
  public void stop(ServiceProcess process) {
    services.stop(process);
  }

  /**
   * Stops the broker and starts it again on the same ports with the same data (and, secured, the
   * same users and ACLs), as a rolling restart of a one-broker Kafka would; the services' clients
   * reconnect on their own.
   */
  public synchronized void restartBroker() {
    int port = port(broker.bootstrapServers());
    Optional<Integer> saslPort = broker.saslBootstrapServers().map(DemoPipeline::port);
    broker.close();
    broker =
        saslPort.isPresent()
            ? KafkaBroker.restartWithSasl(workDir.resolve("kafka"), port, saslPort.get())
            : KafkaBroker.start(workDir.resolve("kafka"), port);
    services.disturbed();
  }

  private static int port(String bootstrap) {
    return Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
  }

  /**
   * Splits translation's units {@code partitions} ways, as {@code meshfed.translation.partitions}
   * does: before the services start, for every instance.
   */
  public void partitionTranslation(int partitions) {
    definitions.translationPartitions(partitions);
    services.define(
        ServiceProcesses.TRANSLATION,
        definitions.translation(ServiceProcesses.TRANSLATION, "translation-state"));
  }

  /**
   * Defines one more translation-service instance ({@code translation-service-2}, …), in the same
   * consumer group with a state directory of its own; {@link #start(ServiceProcess)} starts it.
   */
  public ServiceProcess addTranslationInstance() {
    long instances = services.countNamed(ServiceProcesses.TRANSLATION);
    String name = ServiceProcesses.TRANSLATION + "-" + (instances + 1);
    ServiceProcess instance = definitions.translation(name, "translation-state-" + (instances + 1));
    services.defineStopped(name, instance); // until started: convergence does not expect it alive
    return instance;
  }

  /** The translation-service instances' consumer group, as the broker describes it now. */
  public TranslationGroup translationGroup() {
    return new TranslationGroup(admin, TRANSLATION_APP_ID, services.all());
  }

  /** Kills a service on purpose ({@code kill -9}); convergence does not expect it alive. */
  public void kill(ServiceProcess process) {
    services.kill(process);
  }

  public void start(ServiceProcess process) throws ExecutionException, InterruptedException {
    if (process.name().startsWith("discovery-service/")) {
      probe.expectNewAgent(process.name().substring("discovery-service/".length()));
    } else if (process.name().equals("discovery-service")) {
      for (String cluster : clusters.keySet()) {
        probe.expectNewAgent(cluster);
      }
    }
    services.start(process);
  }

  private void createTopics() {
    List<TopicSpec<?, ?>> specs = new ArrayList<>();
    clusters.keySet().forEach(c -> specs.addAll(Topics.clusterTopics(c)));
    specs.add(Topics.events());
    TopicProvisioning.ensure(admin, specs, TopicSettings.BROKER_DEFAULTS, Duration.ofSeconds(30));
  }

  /** Stops everything; safe to call twice (the shutdown hook and try-with-resources both do). */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    services.stopAll();
    deleteKafkaProperties();
    try {
      mirror.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    admin.close();
    clusters.values().forEach(SimulatedCluster::close);
    broker.close();
  }

  /** Commands find the demo's broker by this file: it must not outlive the broker. */
  private void deleteKafkaProperties() {
    try {
      Files.deleteIfExists(kafkaProperties());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot remove " + kafkaProperties(), e);
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
