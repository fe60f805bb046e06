package dev.meshfed.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshfed.cli.ExplainCommand;
import dev.meshfed.cli.ReplayCommand;
import dev.meshfed.schema.desired.DesiredKey;
import dev.meshfed.schema.desired.DesiredObject;
import dev.meshfed.schema.discovery.ControlPlaneState;
import dev.meshfed.schema.discovery.DiscoveredObject;
import dev.meshfed.schema.discovery.DiscoveryKey;
import dev.meshfed.schema.discovery.EastWestGatewayState;
import dev.meshfed.schema.discovery.FederationOptions;
import dev.meshfed.schema.discovery.NamespaceSelector;
import dev.meshfed.schema.discovery.NamespaceState;
import dev.meshfed.schema.discovery.ServicePort;
import dev.meshfed.schema.discovery.ServiceSelector;
import dev.meshfed.schema.discovery.ServiceState;
import dev.meshfed.schema.discovery.WorkloadClusterSelector;
import dev.meshfed.schema.discovery.WorkspaceSettingsState;
import dev.meshfed.schema.discovery.WorkspaceState;
import dev.meshfed.schema.kafka.TopicProvisioning;
import dev.meshfed.schema.kafka.TopicSettings;
import dev.meshfed.schema.kafka.TopicSpec;
import dev.meshfed.schema.kafka.Topics;
import dev.meshfed.testbed.KafkaBroker;
import dev.meshfed.translation.records.Recomputation;
import dev.meshfed.translation.translate.TranslationSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The audits that re-derive the desired config from the recorded inputs, against a real broker:
 * `meshfed replay --recompute`, and `meshfed explain` of a missing object. At t1 the inputs of a
 * bookinfo federation (mgmt, cluster1 with reviews and details, cluster2) are recorded and the
 * desired records translation derives from them are published. At t2 cluster2's desired topic is
 * forged: reviews' entry gets another port, details' entry is tombstoned and an entry nothing
 * implies appears.
 */
class RecordedInputsIT {

  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private static final Instant T1 = NOW.minus(Duration.ofHours(2));
  private static final Instant T2 = NOW.minus(Duration.ofHours(1));
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String REVIEWS = "reviews-bookinfo-svc-cluster1-global";
  private static final String DETAILS = "details-bookinfo-svc-cluster1-global";

  @TempDir static Path dir;
  private static KafkaBroker broker;

  @BeforeAll
  static void start() throws Exception {
    broker = KafkaBroker.start(dir.resolve("kafka"));
    List<TopicSpec<?, ?>> topics = new ArrayList<>();
    for (String cluster : List.of("mgmt", "cluster1", "cluster2")) {
      topics.addAll(Topics.clusterTopics(cluster));
    }
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
      TopicProvisioning.ensure(
          admin, topics, TopicSettings.BROKER_DEFAULTS, Duration.ofSeconds(30));
    }
    Map<String, Map<DiscoveryKey, DiscoveredObject>> inputs = bookinfo();
    inputs.forEach((cluster, objects) -> publish(Topics.discovered(cluster), T1, objects));
    Map<String, Map<DesiredKey, DesiredObject>> desired =
        Recomputation.of(inputs).desired(TranslationSettings.DEFAULTS);
    desired.forEach((cluster, records) -> publish(Topics.desired(cluster), T1, records));

    Map<DesiredKey, DesiredObject> forged = new HashMap<>();
    DesiredKey reviews = key(desired.get("cluster2"), REVIEWS);
    forged.put(reviews, withPort(desired.get("cluster2").get(reviews), 9090));
    forged.put(key(desired.get("cluster2"), DETAILS), null);
    DesiredObject extra = desired.get("cluster2").get(reviews);
    forged.put(
        new DesiredKey(
            reviews.getApiVersion(), reviews.getKind(), reviews.getNamespace(), "forged"),
        new DesiredObject(
            extra.getManifest().replace(REVIEWS, "forged"), extra.getWorkspace(), List.of()));
    publish(Topics.desired("cluster2"), T2, forged);
  }

  @AfterAll
  static void stop() {
    broker.close();
  }

  @Test
  void whatTranslationDerivedIsConsistentWithItsInputs() throws Exception {
    Path out = dir.resolve("t1");

    Run run = run("--at", T1.plusSeconds(1).toString(), "--recompute", "-o", out.toString());

    assertThat(run.exitCode).as(run.out + run.err).isZero();
    assertThat(run.out.lines())
        .startsWith(
            "recomputed from 13 inputs recorded as of "
                + T1.plusSeconds(1)
                + " in meshfed.discovered.{cluster1,cluster2,mgmt}, with management cluster mgmt"
                + " and default host suffix global")
        .contains(
            "cluster cluster1: consistent: 3 objects",
            "cluster cluster2: consistent: 2 objects",
            "cluster mgmt: consistent: 0 objects");
    assertThat(out.resolve("cluster2/istio-system/ServiceEntry/" + REVIEWS + ".yaml")).exists();
  }

  @Test
  void aForgedDesiredTopicIsReportedWithEveryDifference() {
    Run run = run("--at", T2.toString(), "--recompute", "--cluster", "cluster2");

    assertThat(run.exitCode).as(run.out + run.err).isEqualTo(ReplayCommand.INCONSISTENT);
    assertThat(run.out.lines())
        .contains(
            "cluster cluster2: 3 differences: published 2 objects, the inputs imply 2",
            "    --- cluster2/istio-system/ServiceEntry/" + REVIEWS + ".yaml (published)",
            "    +++ cluster2/istio-system/ServiceEntry/"
                + REVIEWS
                + ".yaml (implied by the inputs)")
        .anySatisfy(
            l ->
                assertThat(l)
                    .startsWith("- cluster2 ServiceEntry istio-system/forged ")
                    .contains("published, but the inputs do not imply it"))
        .anySatisfy(
            l ->
                assertThat(l)
                    .startsWith("+ cluster2 ServiceEntry istio-system/" + DETAILS + " ")
                    .endsWith("the inputs imply it, but it was not published"))
        .anySatisfy(
            l ->
                assertThat(l)
                    .startsWith("~ cluster2 ServiceEntry istio-system/" + REVIEWS + " ")
                    .contains("published other than the inputs imply"))
        .anySatisfy(l -> assertThat(l).startsWith("    -").contains("9090"))
        .anySatisfy(l -> assertThat(l).startsWith("    +").contains("9080"))
        .noneMatch(l -> l.startsWith("cluster cluster1"));
  }

  @Test
  void otherTranslationSettingsImplyOtherConfig() {
    Run run =
        run(
            "--at",
            T1.plusSeconds(1).toString(),
            "--recompute",
            "--cluster",
            "cluster1",
            "--management-cluster",
            "cluster9");

    assertThat(run.exitCode).isEqualTo(ReplayCommand.INCONSISTENT);
    assertThat(run.out.lines())
        .contains(
            "note: the management cluster cluster9 has no discovered topic, so no Workspace is"
                + " honoured (see --management-cluster)",
            "cluster cluster1: 3 differences: published 3 objects, the inputs imply 0");
  }

  @Test
  void withoutRecomputeNothingIsRecomputed() {
    Run run = run("--at", T2.toString(), "--cluster", "cluster2");

    assertThat(run.exitCode).isZero();
    assertThat(run.out).startsWith("---\n# cluster: cluster2\n").doesNotContain("recomputed");
  }

  @Test
  void explainNamesTheRuleThatKeepsAMissingObjectOut() {
    Run run =
        explain(
            "mgmt", "ServiceEntry/istio-system/" + REVIEWS, "--at", T1.plusSeconds(1).toString());

    assertThat(run.exitCode).as(run.out + run.err).isEqualTo(1);
    assertThat(run.out.lines())
        .contains(
            "cluster mgmt never had ServiceEntry/istio-system/"
                + REVIEWS
                + " published at or before "
                + T1.plusSeconds(1),
            "why it is not produced, by the translation of 13 inputs recorded as of "
                + T1.plusSeconds(1)
                + " in meshfed.discovered.{cluster1,cluster2,mgmt} (management cluster mgmt,"
                + " default host suffix global):",
            "  TARGET_NOT_IN_WORKSPACE (cluster1/Service/bookinfo/reviews): workspace bookinfo has"
                + " no namespace in cluster mgmt (its clusters: cluster1, cluster2)");
  }

  @Test
  void explainSaysWhenTheInputsImplyAMissingObject() {
    Run run = explain("cluster2", "ServiceEntry/istio-system/" + DETAILS, "-o", "yaml");

    assertThat(run.exitCode).isEqualTo(1);
    assertThat(run.out)
        .contains("status: deleted")
        .contains("whyMissing:")
        .contains("implied: true")
        .contains("excludedBy: []");
  }

  // --- helpers

  private record Run(int exitCode, String out, String err) {}

  private static Run run(String... args) {
    return execute((out, err) -> new ReplayCommand(out, err, Clock.systemUTC()), args);
  }

  private static Run explain(String... args) {
    return execute((out, err) -> new ExplainCommand(out, err, Clock.systemUTC()), args);
  }

  private static Run execute(
      BiFunction<PrintStream, PrintStream, Callable<Integer>> factory, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
    CommandLine command =
        new CommandLine(
            factory.apply(new PrintStream(out, true, StandardCharsets.UTF_8), errStream));
    command.setErr(new PrintWriter(errStream, true));
    List<String> withBroker = new ArrayList<>(List.of(args));
    withBroker.addAll(List.of("--bootstrap-server", broker.bootstrapServers()));
    int exit = command.execute(withBroker.toArray(String[]::new));
    return new Run(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static Map<String, Map<DiscoveryKey, DiscoveredObject>> bookinfo() {
    Map<String, Map<DiscoveryKey, DiscoveredObject>> inputs = new TreeMap<>();
    Map<DiscoveryKey, DiscoveredObject> mgmt = inputs.computeIfAbsent("mgmt", c -> new HashMap<>());
    put(mgmt, "Namespace", "", "gloo-mesh", new NamespaceState(Map.of()));
    put(
        mgmt,
        "Workspace",
        "gloo-mesh",
        "bookinfo",
        new WorkspaceState(
            List.of(
                new WorkloadClusterSelector(
                    "cluster1", List.of(new NamespaceSelector("bookinfo", Map.of())), Map.of()),
                new WorkloadClusterSelector(
                    "cluster2", List.of(new NamespaceSelector("bookinfo", Map.of())), Map.of())),
            Map.of()));
    for (String cluster : List.of("cluster1", "cluster2")) {
      Map<DiscoveryKey, DiscoveredObject> c = inputs.computeIfAbsent(cluster, x -> new HashMap<>());
      put(c, "Namespace", "", "bookinfo", new NamespaceState(Map.of()));
      put(c, "Namespace", "", "istio-system", new NamespaceState(Map.of()));
      put(
          c,
          "ControlPlane",
          "istio-system",
          "istiod",
          new ControlPlaneState("pilot:1.24.2", "1.24.2", null, java.util.Map.of()));
      put(
          c,
          "EastWestGateway",
          "istio-system",
          "istio-eastwestgateway",
          new EastWestGatewayState(
              Map.of(),
              Map.of("istio", "eastwestgateway"),
              cluster.equals("cluster1") ? "172.18.1.10" : "172.18.2.10",
              15443,
              null,
              null));
    }
    Map<DiscoveryKey, DiscoveredObject> cluster1 = inputs.get("cluster1");
    put(
        cluster1,
        "WorkspaceSettings",
        "bookinfo",
        "bookinfo",
        new WorkspaceSettingsState(
            new FederationOptions(
                true,
                "global",
                List.of(new ServiceSelector(null, null, null, Map.of())),
                List.of()),
            List.of(),
            List.of(),
            null,
            List.of()));
    for (String service : List.of("reviews", "details")) {
      put(
          cluster1,
          "Service",
          "bookinfo",
          service,
          new ServiceState(
              "ClusterIP",
              Map.of(),
              Map.of("app", service),
              List.of(new ServicePort("http", 9080, "9080", "TCP", null)),
              false,
              java.util.List.of()));
    }
    return inputs;
  }

  private static void put(
      Map<DiscoveryKey, DiscoveredObject> cluster,
      String kind,
      String namespace,
      String name,
      Object payload) {
    cluster.put(
        new DiscoveryKey(kind, namespace, name),
        DiscoveredObject.newBuilder()
            .setApiVersion("v1")
            .setUid(kind + "/" + namespace + "/" + name)
            .setCreationTimestamp("2026-01-01T00:00:00Z")
            .setPayload(payload)
            .build());
  }

  private static DesiredKey key(Map<DesiredKey, DesiredObject> records, String name) {
    return records.keySet().stream()
        .filter(k -> k.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no desired record " + name));
  }

  private static DesiredObject withPort(DesiredObject object, int port) throws Exception {
    ObjectNode manifest = (ObjectNode) JSON.readTree(object.getManifest());
    ((ObjectNode) manifest.get("spec").get("ports").get(0)).put("number", port);
    return new DesiredObject(
        JSON.writeValueAsString(manifest), object.getWorkspace(), object.getSources());
  }

  /** All in one transaction, stamped {@code at}; a null value is a tombstone. */
  private static <K, V> void publish(TopicSpec<K, V> topic, Instant at, Map<K, V> records) {
    try (KafkaProducer<K, V> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                "recompute-it-" + topic.name()),
            topic.keySerde().serializer(),
            topic.valueSerde().serializer())) {
      producer.initTransactions();
      producer.beginTransaction();
      records.forEach(
          (key, value) ->
              producer.send(
                  new ProducerRecord<>(topic.name(), null, at.toEpochMilli(), key, value)));
      producer.commitTransaction();
    }
  }
}
