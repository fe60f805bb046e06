package dev.meshfed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshfed.schema.DiscoveredKinds;
import dev.meshfed.schema.ObjectRef;
import dev.meshfed.schema.desired.DesiredKey;
import dev.meshfed.schema.desired.DesiredObject;
import dev.meshfed.schema.discovery.AgentState;
import dev.meshfed.schema.discovery.ControlPlaneState;
import dev.meshfed.schema.discovery.DiscoveredObject;
import dev.meshfed.schema.discovery.DiscoveryKey;
import dev.meshfed.schema.discovery.ExternalServiceState;
import dev.meshfed.schema.discovery.FailoverPolicyState;
import dev.meshfed.schema.discovery.NamespaceSelector;
import dev.meshfed.schema.discovery.NamespaceState;
import dev.meshfed.schema.discovery.RouteTableState;
import dev.meshfed.schema.discovery.ServiceState;
import dev.meshfed.schema.discovery.VirtualDestinationState;
import dev.meshfed.schema.discovery.WorkloadClusterSelector;
import dev.meshfed.schema.discovery.WorkspaceState;
import dev.meshfed.schema.events.ApplyAction;
import dev.meshfed.schema.events.ApplyFailed;
import dev.meshfed.schema.events.ClusterConverged;
import dev.meshfed.schema.events.EventKey;
import dev.meshfed.schema.events.FederationEvent;
import dev.meshfed.schema.events.InputAccepted;
import dev.meshfed.schema.events.InputRejected;
import dev.meshfed.schema.events.Severity;
import dev.meshfed.schema.kafka.TopicProvisioning;
import dev.meshfed.schema.kafka.TopicSettings;
import dev.meshfed.schema.kafka.TopicSpec;
import dev.meshfed.schema.kafka.Topics;
import dev.meshfed.schema.status.InputState;
import dev.meshfed.schema.status.InputStatus;
import dev.meshfed.testbed.KafkaBroker;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * `meshfed status` against a real broker. mgmt declares workspace bookinfo (bookinfo of cluster1
 * and cluster2). cluster1 (Istio 1.11) has converged on its desired config; translation has
 * committed 3 of its 5 discovered records. cluster2 (Istio 1.24) failed to apply an object.
 * Translation rejected cluster2's ratings Service and a stray WorkspaceSettings of cluster1, and
 * accepted again a WorkspaceSettings it had rejected. cluster2 has grouped inputs: a
 * VirtualDestination accepted after a warning, a Gloo RouteTable with a long warning, a
 * FailoverPolicy whose status was withdrawn, and an invalid ExternalService outside the workspace.
 */
class StatusCommandIT {

  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private static final Instant LONG_AGO = NOW.minus(Duration.ofHours(2));
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final String HOST_ANNOTATION = "meshfed.dev/host";
  private static final String ROUTE_WARNING =
      "route 2 of RouteTable bookinfo/ratings: destination reviews.bookinfo is unknown to the"
          + " clients of cluster1 (no such Service there); the route is left out there";

  @TempDir static Path dir;
  private static KafkaBroker broker;

  @BeforeAll
  static void start() throws Exception {
    broker = KafkaBroker.start(dir.resolve("kafka"));
    try (Admin admin = admin(broker)) {
      List<TopicSpec<?, ?>> topics = new ArrayList<>(List.of(Topics.events()));
      for (String cluster : List.of("mgmt", "cluster1", "cluster2")) {
        topics.addAll(Topics.clusterTopics(cluster));
      }
      TopicProvisioning.ensure(
          admin, topics, TopicSettings.BROKER_DEFAULTS, Duration.ofSeconds(30));
    }
    publish(
        Topics.discovered("mgmt"),
        List.of(
            record(LONG_AGO, "Agent", "", "discovery", new AgentState("0.1.0", List.of())),
            record(
                LONG_AGO,
                "Workspace",
                "gloo-mesh",
                "bookinfo",
                new WorkspaceState(
                    List.of(
                        new WorkloadClusterSelector(
                            "cluster1",
                            List.of(new NamespaceSelector("bookinfo", Map.of())),
                            Map.of()),
                        new WorkloadClusterSelector(
                            "cluster2",
                            List.of(new NamespaceSelector("bookinfo", Map.of())),
                            Map.of())),
                    Map.of()))));
    publish(
        Topics.discovered("cluster1"),
        List.of(
            record(LONG_AGO, "Agent", "", "discovery", new AgentState("0.1.0", List.of())),
            record(LONG_AGO, "ControlPlane", "istio-system", "istiod", istiod("1.11.7")),
            record(LONG_AGO, "Namespace", "", "bookinfo", NamespaceState.newBuilder().build()),
            record(LONG_AGO, "Service", "bookinfo", "reviews", ServiceState.newBuilder().build()),
            record(
                NOW.minusSeconds(12),
                "Service",
                "bookinfo",
                "ratings",
                ServiceState.newBuilder().build())));
    publish(
        Topics.discovered("cluster2"),
        List.of(
            record(LONG_AGO, "Agent", "", "discovery", new AgentState("0.1.0", List.of())),
            record(LONG_AGO, "ControlPlane", "istio-system", "istiod", istiod("1.24.1")),
            record(LONG_AGO, "Namespace", "", "bookinfo", NamespaceState.newBuilder().build()),
            record(LONG_AGO, "Service", "bookinfo", "ratings", ServiceState.newBuilder().build()),
            record(
                LONG_AGO,
                DiscoveredKinds.VIRTUAL_DESTINATION,
                "bookinfo",
                "reviews",
                VirtualDestinationState.newBuilder().build()),
            record(
                LONG_AGO,
                DiscoveredKinds.GLOO_ROUTE_TABLE,
                "bookinfo",
                "ratings",
                RouteTableState.newBuilder().build()),
            record(
                LONG_AGO,
                DiscoveredKinds.FAILOVER_POLICY,
                "bookinfo",
                "failover",
                FailoverPolicyState.newBuilder().build()),
            record(
                LONG_AGO,
                DiscoveredKinds.EXTERNAL_SERVICE,
                "other",
                "httpbin",
                ExternalServiceState.newBuilder().build())));
    publish(
        Topics.status("cluster2"),
        List.of(
            inputStatus(
                DiscoveredKinds.VIRTUAL_DESTINATION,
                "bookinfo",
                "reviews",
                InputState.WARNING,
                "no backing service yet",
                "\"selectedBackingServices\":0,\"appliedPolicies\":0"),
            inputStatus(
                DiscoveredKinds.GLOO_ROUTE_TABLE,
                "bookinfo",
                "ratings",
                InputState.WARNING,
                ROUTE_WARNING,
                "\"routes\":3,\"appliedPolicies\":1"),
            inputStatus(
                DiscoveredKinds.FAILOVER_POLICY,
                "bookinfo",
                "failover",
                InputState.ACCEPTED,
                "accepted",
                "\"selectedDestinations\":1"),
            inputStatus(
                DiscoveredKinds.EXTERNAL_SERVICE,
                "other",
                "httpbin",
                InputState.INVALID,
                "spec.addresses: not supported yet",
                "\"selectedExternalEndpoints\":0"),
            inputStatus(
                DiscoveredKinds.VIRTUAL_DESTINATION,
                "bookinfo",
                "reviews",
                InputState.ACCEPTED,
                "accepted",
                "\"selectedBackingServices\":2,\"appliedPolicies\":1"),
            // translation withdrew the policy's status (it has not published the next one yet)
            new ProducerRecord<>(
                "",
                new DiscoveryKey(DiscoveredKinds.FAILOVER_POLICY, "bookinfo", "failover"),
                null)));
    publish(
        Topics.desired("cluster1"),
        List.of(desired(LONG_AGO, "ratings.bookinfo.svc.cluster2.global"))); // offset 0
    publish(
        Topics.desired("cluster2"),
        List.of(desired(LONG_AGO, "reviews.bookinfo.svc.cluster1.global")));
    publish(
        Topics.applied("cluster1"),
        List.of(
            event(
                NOW.minus(Duration.ofMinutes(3)),
                "cluster1",
                new ClusterConverged(1, 1L, 0L, 0L, 0L, 0))));
    publish(
        Topics.applied("cluster2"),
        List.of(
            event(
                NOW.minus(Duration.ofMinutes(5)),
                "ServiceEntry/istio-system/reviews",
                new ApplyFailed(
                    new DesiredKey(
                        "networking.istio.io/v1",
                        "ServiceEntry",
                        "istio-system",
                        "reviews-bookinfo-svc-cluster1-global"),
                    ApplyAction.APPLY,
                    3,
                    "admission webhook denied the request",
                    null))));
    ObjectRef ratings = new ObjectRef("cluster2", "Service", "bookinfo", "ratings");
    ObjectRef settings = new ObjectRef("cluster1", "WorkspaceSettings", "bookinfo", "bookinfo");
    ObjectRef stray = new ObjectRef("cluster1", "WorkspaceSettings", "stray", "s");
    publish(
        Topics.events(),
        List.of(
            event(LONG_AGO, "s", new InputRejected(settings, Severity.INVALID, "bad suffix")),
            event(LONG_AGO, "r", new InputRejected(ratings, Severity.WARNING, "port 53 is UDP")),
            event(LONG_AGO, "x", new InputRejected(stray, Severity.INVALID, "no workspace")),
            event(NOW.minus(Duration.ofHours(1)), "s", new InputAccepted(settings, "bad suffix"))));
    try (Admin admin = admin(broker)) {
      admin
          .alterConsumerGroupOffsets(
              "meshfed-translation",
              Map.of(
                  new TopicPartition(Topics.discovered("cluster1").name(), 0),
                  new OffsetAndMetadata(3),
                  new TopicPartition(Topics.discovered("cluster2").name(), 0),
                  new OffsetAndMetadata(8)))
          .all()
          .get();
    }
  }

  @AfterAll
  static void stop() {
    broker.close();
  }

  @Test
  void tablesShowEachClusterEachWorkspaceAndTheOpenProblems() {
    Run run = run(broker);

    assertThat(run.exitCode).as(run.err).isZero();
    List<List<String>> rows = run.out.lines().map(l -> List.of(l.split(" {3,}"))).toList();
    assertThat(rows)
        .containsSubsequence(
            List.of(
                "CLUSTER",
                "JOINED",
                "ISTIO",
                "NAMESPACES",
                "SERVICES",
                "DESIRED",
                "LAST SEEN",
                "TRANSLATION LAG",
                "APPLY",
                "DRIFT"),
            List.of(
                "cluster1", "yes", "1.11.7", "1", "2", "1", "12s", "2", "converged 3m ago", "-"),
            List.of(
                "cluster2", "yes", "1.24.1", "1", "1", "1", "5m", "0", "failing: 1 object", "-"),
            // translation has committed nothing of mgmt's topic: both records are unprocessed
            List.of("mgmt", "yes", "-", "0", "0", "0", "2h", "2", "unknown", "-"),
            List.of(""),
            List.of("WORKSPACE", "SELECTS", "HOSTS", "OPEN PROBLEMS"),
            List.of("bookinfo", "cluster1/bookinfo,cluster2/bookinfo", "2", "1"),
            List.of(""),
            List.of("INPUT", "SEVERITY", "AGE", "WORKSPACE", "REASON"));
    assertThat(rows)
        .contains(
            List.of(
                "cluster2/Service/bookinfo/ratings", "WARNING", "2h", "bookinfo", "port 53 is UDP"),
            List.of("cluster1/WorkspaceSettings/stray/s", "INVALID", "2h", "-", "no workspace"));
    assertThat(run.out).doesNotContain("bad suffix");
  }

  @Test
  void jsonGivesTheSameStatusWithRfc3339Times() throws Exception {
    Run run = run(broker, "-o", "json");

    assertThat(run.exitCode).as(run.err).isZero();
    JsonNode json = new ObjectMapper().readTree(run.out);
    assertThat(json.get("time").asText()).isEqualTo(NOW.toString());
    JsonNode cluster1 = json.get("clusters").get(0);
    assertThat(cluster1.get("name").asText()).isEqualTo("cluster1");
    assertThat(cluster1.get("lastSeen").asText()).isEqualTo(NOW.minusSeconds(12).toString());
    assertThat(cluster1.get("translationLag").asLong()).isEqualTo(2);
    assertThat(cluster1.get("apply").get("state").asText()).isEqualTo("converged");
    JsonNode cluster2 = json.get("clusters").get(1);
    assertThat(cluster2.get("apply").get("state").asText()).isEqualTo("failing");
    assertThat(cluster2.get("apply").get("failures").get(0).get("error").asText())
        .isEqualTo("admission webhook denied the request");
    JsonNode bookinfo = json.get("workspaces").get(0);
    assertThat(bookinfo.get("hosts"))
        .extracting(JsonNode::asText)
        .containsExactly(
            "ratings.bookinfo.svc.cluster2.global", "reviews.bookinfo.svc.cluster1.global");
    assertThat(json.get("problems")).hasSize(2);
  }

  @Test
  void groupedInputsAreListedByWorkspaceWithTheirLatestStatusOrPending() {
    Run run = run(broker);

    assertThat(run.exitCode).as(run.err).isZero();
    List<List<String>> rows = run.out.lines().map(l -> List.of(l.split(" {3,}"))).toList();
    assertThat(rows)
        .containsSubsequence(
            List.of("WORKSPACE", "SELECTS", "HOSTS", "OPEN PROBLEMS"),
            List.of("bookinfo", "cluster1/bookinfo,cluster2/bookinfo", "2", "1"),
            List.of(""),
            List.of("WORKSPACE", "INPUT", "STATE", "COUNTS", "MESSAGE"),
            List.of(
                "bookinfo",
                "cluster2/FailoverPolicy/bookinfo/failover",
                "PENDING",
                "-",
                "no status from translation yet"),
            List.of(
                "bookinfo",
                "cluster2/RouteTable.networking.gloo.solo.io/bookinfo/ratings",
                "WARNING",
                "routes 3, policies 1",
                ROUTE_WARNING.substring(0, 77) + "..."),
            List.of(
                "bookinfo",
                "cluster2/VirtualDestination/bookinfo/reviews",
                "ACCEPTED",
                "backing 2, policies 1",
                "accepted"),
            List.of(
                "-",
                "cluster2/ExternalService/other/httpbin",
                "INVALID",
                "endpoints 0",
                "spec.addresses: not supported yet"),
            List.of(""),
            List.of("INPUT", "SEVERITY", "AGE", "WORKSPACE", "REASON"));
  }

  @Test
  void jsonGivesEachGroupedInputWithItsWholeStatus() throws Exception {
    Run run = run(broker, "-o", "json");

    assertThat(run.exitCode).as(run.err).isZero();
    JsonNode inputs = new ObjectMapper().readTree(run.out).get("groupedInputs");
    assertThat(inputs)
        .extracting(i -> i.get("input").asText())
        .containsExactly(
            "cluster2/FailoverPolicy/bookinfo/failover",
            "cluster2/RouteTable.networking.gloo.solo.io/bookinfo/ratings",
            "cluster2/VirtualDestination/bookinfo/reviews",
            "cluster2/ExternalService/other/httpbin");
    JsonNode routeTable = inputs.get(1);
    assertThat(routeTable.get("message").asText()).isEqualTo(ROUTE_WARNING);
    assertThat(routeTable.get("observedGeneration").asLong()).isEqualTo(1);
    assertThat(routeTable.get("counts").get("routes").asLong()).isEqualTo(3);
    assertThat(inputs.get(0).get("state").asText()).isEqualTo("PENDING");
    assertThat(inputs.get(3).get("workspaces")).isEmpty();
  }

  @Test
  void saysThereIsNoMeshfedDataOnAKafkaWithoutDiscoveredTopics() {
    try (KafkaBroker empty = KafkaBroker.start(dir.resolve("empty"))) {
      Run run = run(empty);

      assertThat(run.exitCode).isEqualTo(1);
      assertThat(run.out).isEmpty();
      assertThat(run.err).contains("there is no meshfed data on this Kafka");
    }
  }

  @Test
  void isAMeshfedSubcommand() {
    assertThat(new CommandLine(new Meshfed()).getSubcommands()).containsKey("status");
  }

  // --- helpers

  private record Run(int exitCode, String out, String err) {}

  private static Run run(KafkaBroker kafka, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
    CommandLine cli =
        new CommandLine(
            new StatusCommand(
                new PrintStream(out, true, StandardCharsets.UTF_8), errStream, CLOCK));
    cli.setErr(new PrintWriter(errStream, true));
    List<String> withBroker = new ArrayList<>(List.of(args));
    withBroker.addAll(List.of("--bootstrap-server", kafka.bootstrapServers()));
    int exit = cli.execute(withBroker.toArray(String[]::new));
    return new Run(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static Admin admin(KafkaBroker kafka) {
    return Admin.create(
        Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
  }

  private static ControlPlaneState istiod(String version) {
    return new ControlPlaneState(
        "docker.io/istio/pilot:" + version, version, null, java.util.Map.of());
  }

  private static ProducerRecord<DiscoveryKey, DiscoveredObject> record(
      Instant at, String kind, String namespace, String name, Object payload) {
    return new ProducerRecord<>(
        "",
        null,
        at.toEpochMilli(),
        new DiscoveryKey(kind, namespace, name),
        new DiscoveredObject("v1", "uid-" + name, 1L, null, payload, List.of()));
  }

  /** Translation's status of an input of generation 1, as it publishes it. */
  private static ProducerRecord<DiscoveryKey, InputStatus> inputStatus(
      String kind, String namespace, String name, InputState state, String message, String counts) {
    String json =
        "{\"state\":\""
            + state
            + "\",\"message\":\""
            + message
            + "\",\"observedGeneration\":1,\"diagnostics\":[],"
            + counts
            + "}";
    return new ProducerRecord<>(
        "",
        new DiscoveryKey(kind, namespace, name),
        new InputStatus("meshfed.dev/v1alpha1", state, message, 1L, json));
  }

  private static ProducerRecord<DesiredKey, DesiredObject> desired(Instant at, String host) {
    String name = host.replace('.', '-');
    String manifest =
        "{\"apiVersion\":\"networking.istio.io/v1\",\"kind\":\"ServiceEntry\",\"metadata\":{"
            + "\"name\":\""
            + name
            + "\",\"namespace\":\"istio-system\",\"annotations\":{\""
            + HOST_ANNOTATION
            + "\":\""
            + host
            + "\"}},\"spec\":{\"hosts\":[\""
            + host
            + "\"]}}";
    return new ProducerRecord<>(
        "",
        null,
        at.toEpochMilli(),
        new DesiredKey("networking.istio.io/v1", "ServiceEntry", "istio-system", name),
        new DesiredObject(manifest, "bookinfo", List.of()));
  }

  private static ProducerRecord<EventKey, FederationEvent> event(
      Instant at, String subject, Object typed) {
    return new ProducerRecord<>(
        "",
        null,
        at.toEpochMilli(),
        new EventKey(subject),
        new FederationEvent(typed.getClass().getSimpleName(), typed));
  }

  /** Without a transaction: offsets are 0, 1, 2, … */
  private static <K, V> void publish(TopicSpec<K, V> topic, List<ProducerRecord<K, V>> records) {
    try (KafkaProducer<K, V> producer =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
            topic.keySerde().serializer(),
            topic.valueSerde().serializer())) {
      for (ProducerRecord<K, V> r : records) {
        producer.send(new ProducerRecord<>(topic.name(), null, r.timestamp(), r.key(), r.value()));
      }
      producer.flush();
    }
  }
}
