package dev.meshfed.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.meshfed.cli.kafka.KafkaUsers;
import dev.meshfed.cli.output.Mappers;
import dev.meshfed.schema.kafka.TopicSpec;
import dev.meshfed.schema.kafka.Topics;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTransactionalIdResource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.common.acl.AclBinding;
import org.junit.jupiter.api.Test;

/**
 * k8s/ rendered as a user would apply it ({@code kubectl kustomize} of every overlay), each object
 * read into its Kubernetes or Strimzi model with no field the model does not know, and held to what
 * meshfed needs: every workload restricted, probed on its management port and covered by a
 * disruption budget; each workload cluster's services speaking for that cluster; each KafkaUser
 * granted exactly KafkaAccess's ACLs. {@code -Dgolden.update=true} rewrites k8s/strimzi/users.yaml.
 */
class K8sManifestsTest {

  private static final Path K8S = Path.of("../k8s");
  private static final KafkaUsers USERS = new KafkaUsers("meshfed-translation", "meshfed");
  private static final ObjectMapper STRIMZI =
      new ObjectMapper(new YAMLFactory())
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

  @Test
  void theKafkaUsersFileIsWhatKafkaAccessGrants() throws Exception {
    Path file = K8S.resolve("strimzi/users.yaml");
    String expected =
        "# Written by K8sManifestsTest from KafkaAccess (-Dgolden.update=true): the ACLs of"
            + " docs/security.md,\n# for the management overlay. A workload cluster's users:"
            + " meshfed kafka-users --cluster <name>.\n"
            + USERS.yaml(users());
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(file, expected);
    }
    assertThat(Files.readString(file)).isEqualTo(expected);
  }

  /**
   * k8s/strimzi/topics.yaml: the events topic and the management cluster's topics, declared as
   * their TopicSpecs describe them, three replicas with two in sync (the Kafka's own settings).
   */
  @Test
  void theKafkaTopicsFileIsWhatTheTopicSpecsSay() throws Exception {
    Path file = K8S.resolve("strimzi/topics.yaml");
    List<TopicSpec<?, ?>> topics = new ArrayList<>(List.of(Topics.events()));
    topics.addAll(Topics.clusterTopics("mgmt"));
    StringBuilder expected =
        new StringBuilder(
            "# Written by K8sManifestsTest from the topics' specs (-Dgolden.update=true): created"
                + " beforehand,\n# they need no Create permission. A workload cluster's topics are"
                + " created by its discovery-service.\n");
    for (TopicSpec<?, ?> topic : topics) {
      Map<String, Object> config = new TreeMap<>(topic.configs());
      config.put("min.insync.replicas", "2");
      Map<String, Object> spec = new LinkedHashMap<>();
      spec.put("topicName", topic.name());
      spec.put("partitions", topic.partitions());
      spec.put("replicas", 3);
      spec.put("config", config);
      Map<String, Object> kafkaTopic = new LinkedHashMap<>();
      kafkaTopic.put("apiVersion", "kafka.strimzi.io/v1beta2");
      kafkaTopic.put("kind", "KafkaTopic");
      Map<String, Object> metadata = new LinkedHashMap<>();
      metadata.put("name", topic.name());
      metadata.put(
          "labels",
          new TreeMap<>(
              Map.of("strimzi.io/cluster", "meshfed", "app.kubernetes.io/part-of", "meshfed")));
      kafkaTopic.put("metadata", metadata);
      kafkaTopic.put("spec", spec);
      expected.append(expected.indexOf("apiVersion") < 0 ? "" : "---\n");
      expected.append(Mappers.YAML.writeValueAsString(kafkaTopic));
    }
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(file, expected.toString());
    }
    assertThat(Files.readString(file)).isEqualTo(expected.toString());
  }

  @Test
  void workloadClustersRunRestrictedServicesThatSpeakForTheirCluster() throws Exception {
    for (String cluster : List.of("cluster1", "cluster2")) {
      List<JsonNode> objects = render("overlays/" + cluster);
      checkEveryObject(objects);
      assertThat(kinds(objects))
          .containsEntry("Deployment", 2L)
          .containsEntry("PodDisruptionBudget", 2L)
          .containsEntry("Namespace", 1L)
          .doesNotContainKeys("StatefulSet", "Kafka", "KafkaUser");
      assertSpeaksFor(objects, cluster);
    }
  }

  @Test
  void theManagementClusterRunsKafkaTranslationAndItsOwnMemberServices() throws Exception {
    List<JsonNode> objects = render("overlays/management");
    checkEveryObject(objects);
    assertSpeaksFor(objects, "mgmt");

    StatefulSet translation = typed(one(objects, "StatefulSet"), StatefulSet.class);
    assertThat(translation.getSpec().getReplicas()).isEqualTo(2);
    assertThat(
            env(
                translation.getSpec().getTemplate().getSpec(),
                "KAFKA_STREAMS_NUM_STANDBY_REPLICAS"))
        .isEqualTo("1");
    Kafka kafka = STRIMZI.treeToValue(one(objects, "Kafka"), Kafka.class);
    assertThat(kafka.getSpec().getKafka().getAuthorization().getType()).isEqualTo("simple");
    assertThat(kafka.getSpec().getKafka().getListeners())
        .allSatisfy(l -> assertThat(l.getAuth().getType()).isEqualTo("scram-sha-512"));
    STRIMZI.treeToValue(one(objects, "KafkaNodePool"), KafkaNodePool.class);
    for (JsonNode node : ofKind(objects, "KafkaTopic")) {
      KafkaTopic topic = STRIMZI.treeToValue(node, KafkaTopic.class);
      assertThat(topic.getSpec().getReplicas()).isEqualTo(3);
    }
    // the events topic and the management cluster's own
    assertThat(ofKind(objects, "KafkaTopic")).hasSize(1 + Topics.clusterTopics("mgmt").size());

    Map<String, List<String>> granted = new TreeMap<>();
    for (JsonNode node : ofKind(objects, "KafkaUser")) {
      KafkaUser user = STRIMZI.treeToValue(node, KafkaUser.class);
      assertThat(node.path("metadata").path("namespace").asText()).isEqualTo("kafka");
      assertThat(user.getSpec().getAuthentication().getType()).isEqualTo("scram-sha-512");
      List<String> acls = new ArrayList<>();
      for (AclRule rule :
          ((KafkaUserAuthorizationSimple) user.getSpec().getAuthorization()).getAcls()) {
        rule.getOperations()
            .forEach(op -> acls.add(describe(rule.getResource()) + " " + op.toValue()));
      }
      granted.put(user.getMetadata().getName(), acls.stream().sorted().toList());
    }
    Map<String, List<String>> expected = new TreeMap<>();
    users().forEach((name, bindings) -> expected.put(name, KafkaUsers.canonical(bindings)));
    assertThat(granted).isEqualTo(expected);
  }

  private static String describe(AclRuleResource resource) {
    if (resource instanceof AclRuleTopicResource topic) {
      return "topic " + topic.getName() + " " + topic.getPatternType().toValue();
    }
    if (resource instanceof AclRuleGroupResource group) {
      return "group " + group.getName() + " " + group.getPatternType().toValue();
    }
    if (resource instanceof AclRuleTransactionalIdResource id) {
      return "transactionalId " + id.getName() + " " + id.getPatternType().toValue();
    }
    throw new AssertionError("meshfed grants no ACL on " + resource.getType());
  }

  /**
   * The users k8s/strimzi/users.yaml holds: translation's, the management cluster's own services',
   * the CLI's. A workload cluster's come with its registration (install/register-cluster.sh).
   */
  private static Map<String, List<AclBinding>> users() {
    Map<String, List<AclBinding>> users = new LinkedHashMap<>(USERS.translation());
    users.putAll(USERS.cluster("mgmt"));
    users.putAll(USERS.cli());
    return users;
  }

  private static void assertSpeaksFor(List<JsonNode> objects, String cluster) {
    for (JsonNode node : ofKind(objects, "Deployment")) {
      Deployment deployment = typed(node, Deployment.class);
      assertThat(env(deployment.getSpec().getTemplate().getSpec(), "MESHFED_CLUSTER"))
          .as(deployment.getMetadata().getName())
          .isEqualTo(cluster);
    }
  }

  /** Models, restricted pods, probes, budgets: what holds for every overlay. */
  private static void checkEveryObject(List<JsonNode> objects) throws Exception {
    for (JsonNode node : objects) {
      String kind = node.path("kind").asText();
      if (List.of("Kafka", "KafkaNodePool", "KafkaUser", "KafkaTopic").contains(kind)) {
        continue; // read strictly into Strimzi's model where the management test checks them
      }
      HasMetadata object = Serialization.unmarshal(node.toString());
      assertThat(Unknown.fields(object)).as(kind + " " + object.getMetadata().getName()).isEmpty();
      if (object instanceof Namespace namespace) {
        assertThat(namespace.getMetadata().getLabels())
            .containsEntry("pod-security.kubernetes.io/enforce", "restricted");
      }
    }
    List<String> budgets =
        ofKind(objects, "PodDisruptionBudget").stream()
            .map(
                n ->
                    typed(n, PodDisruptionBudget.class)
                        .getSpec()
                        .getSelector()
                        .getMatchLabels()
                        .get("app.kubernetes.io/name"))
            .toList();
    for (JsonNode node : objects) {
      PodSpec pod;
      String name = node.path("metadata").path("name").asText();
      if (node.path("kind").asText().equals("Deployment")) {
        pod = typed(node, Deployment.class).getSpec().getTemplate().getSpec();
      } else if (node.path("kind").asText().equals("StatefulSet")) {
        pod = typed(node, StatefulSet.class).getSpec().getTemplate().getSpec();
      } else {
        continue;
      }
      assertThat(budgets).as(name + " has a disruption budget").contains(name);
      assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(name).isTrue();
      assertThat(pod.getSecurityContext().getSeccompProfile().getType())
          .isEqualTo("RuntimeDefault");
      for (Container container : pod.getContainers()) {
        assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).as(name).isFalse();
        assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).as(name).isTrue();
        assertThat(container.getSecurityContext().getCapabilities().getDrop())
            .containsExactly("ALL");
        assertThat(container.getReadinessProbe().getHttpGet().getPath())
            .isEqualTo("/q/health/ready");
        assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/q/health/live");
        assertThat(container.getPorts())
            .anySatisfy(p -> assertThat(p.getContainerPort()).isEqualTo(9000));
        assertThat(container.getResources().getLimits()).containsKey("memory");
        assertThat(container.getVolumeMounts())
            .anySatisfy(m -> assertThat(m.getMountPath()).isEqualTo("/tmp"));
      }
    }
  }

  private static String env(PodSpec pod, String name) {
    return pod.getContainers().get(0).getEnv().stream()
        .filter(e -> e.getName().equals(name))
        .map(EnvVar::getValue)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no env " + name));
  }

  private static <T> T typed(JsonNode node, Class<T> type) {
    return Serialization.unmarshal(node.toString(), type);
  }

  private static Map<String, Long> kinds(List<JsonNode> objects) {
    return objects.stream()
        .collect(Collectors.groupingBy(n -> n.path("kind").asText(), Collectors.counting()));
  }

  private static List<JsonNode> ofKind(List<JsonNode> objects, String kind) {
    return objects.stream().filter(n -> n.path("kind").asText().equals(kind)).toList();
  }

  private static JsonNode one(List<JsonNode> objects, String kind) {
    List<JsonNode> found = ofKind(objects, kind);
    assertThat(found).as(kind).hasSize(1);
    return found.get(0);
  }

  /** {@code kubectl kustomize} of a directory under k8s/; skipped where kubectl is missing. */
  private static List<JsonNode> render(String dir) throws Exception {
    Process process;
    try {
      process =
          new ProcessBuilder("kubectl", "kustomize", K8S.resolve(dir).toString())
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
    } catch (java.io.IOException noKubectl) {
      assumeThat(noKubectl).as("kubectl renders the kustomizations; it is not installed").isNull();
      throw noKubectl;
    }
    byte[] yaml = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as("kubectl kustomize " + dir).isZero();
    List<JsonNode> objects = new ArrayList<>();
    ObjectMapper mapper = new ObjectMapper(new YAMLFactory());
    try (YAMLParser parser = new YAMLFactory().createParser(yaml)) {
      mapper.readValues(parser, JsonNode.class).forEachRemaining(objects::add);
    }
    return objects;
  }
}
