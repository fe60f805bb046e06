package dev.meshfed.cli.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.meshfed.cli.output.Mappers;
import dev.meshfed.schema.kafka.KafkaAccess;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.resource.ResourcePattern;

/**
 * Strimzi KafkaUsers as {@link KafkaAccess} defines them: one per principal, with exactly the ACLs
 * that principal is granted (a service's topic creation included, so that a new cluster's discovery
 * can create its topics). {@code meshfed kafka-users} prints them; k8s/strimzi/users.yaml is
 * written from them.
 */
public final class KafkaUsers {

  private final String applicationId;
  private final String kafkaCluster;

  /**
   * @param applicationId translation-service's Kafka Streams application id
   * @param kafkaCluster the Strimzi Kafka the users belong to (label {@code strimzi.io/cluster})
   */
  public KafkaUsers(String applicationId, String kafkaCluster) {
    this.applicationId = applicationId;
    this.kafkaCluster = kafkaCluster;
  }

  /** translation-service's user, {@code meshfed-translation}, by name with its ACLs. */
  public Map<String, List<AclBinding>> translation() {
    String translation = "meshfed-translation";
    return Map.of(
        translation,
        concat(
            KafkaAccess.translationRuntime(principal(translation), applicationId),
            KafkaAccess.translationTopicCreation(principal(translation))));
  }

  /** The {@code meshfed} command's read-only user, {@code meshfed-cli}. */
  public Map<String, List<AclBinding>> cli() {
    String cli = "meshfed-cli";
    return Map.of(cli, KafkaAccess.cli(principal(cli), applicationId));
  }

  /** A cluster's discovery and distribution users, {@code meshfed-discovery-<cluster>}, … */
  public Map<String, List<AclBinding>> cluster(String cluster) {
    Map<String, List<AclBinding>> users = new LinkedHashMap<>();
    String discovery = "meshfed-discovery-" + cluster;
    users.put(
        discovery,
        grants(
            discovery,
            cluster,
            KafkaAccess::discoveryRuntime,
            KafkaAccess::discoveryTopicCreation));
    String distribution = "meshfed-distribution-" + cluster;
    users.put(
        distribution,
        grants(
            distribution,
            cluster,
            KafkaAccess::distributionRuntime,
            KafkaAccess::distributionTopicCreation));
    return users;
  }

  /** A cluster service's runtime ACLs and those to create its topics. */
  private static List<AclBinding> grants(
      String user,
      String cluster,
      BiFunction<String, String, List<AclBinding>> runtime,
      BiFunction<String, String, List<AclBinding>> topicCreation) {
    return concat(
        runtime.apply(principal(user), cluster), topicCreation.apply(principal(user), cluster));
  }

  /** The users as KafkaUser documents, separated by {@code ---}. */
  public String yaml(Map<String, List<AclBinding>> users) {
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, List<AclBinding>> user : users.entrySet()) {
      out.append(out.isEmpty() ? "" : "---\n");
      try {
        out.append(Mappers.YAML.writeValueAsString(kafkaUser(user.getKey(), user.getValue())));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("Cannot write KafkaUser " + user.getKey(), e);
      }
    }
    return out.toString();
  }

  private Map<String, Object> kafkaUser(String name, List<AclBinding> bindings) {
    Map<ResourcePattern, List<String>> operations = new LinkedHashMap<>();
    for (AclBinding binding : bindings) {
      operations
          .computeIfAbsent(binding.pattern(), p -> new ArrayList<>())
          .add(strimziName(binding.entry().operation().name()));
    }
    List<Map<String, Object>> acls = new ArrayList<>();
    operations.forEach(
        (pattern, ops) -> {
          Map<String, Object> resource = new LinkedHashMap<>();
          resource.put("type", resourceType(pattern));
          resource.put("name", pattern.name());
          resource.put("patternType", patternType(pattern));
          Map<String, Object> acl = new LinkedHashMap<>();
          acl.put("resource", resource);
          acl.put("operations", ops);
          acls.add(acl);
        });
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("apiVersion", "kafka.strimzi.io/v1beta2");
    user.put("kind", "KafkaUser");
    user.put(
        "metadata",
        ordered(
            "name",
            name,
            "labels",
            ordered("strimzi.io/cluster", kafkaCluster, "app.kubernetes.io/part-of", "meshfed")));
    user.put(
        "spec",
        ordered(
            "authentication",
            Map.of("type", "scram-sha-512"),
            "authorization",
            ordered("type", "simple", "acls", acls)));
    return user;
  }

  /** Two entries in this order (Map.of has none, and the file must not change between runs). */
  private static Map<String, Object> ordered(String k1, Object v1, String k2, Object v2) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put(k1, v1);
    map.put(k2, v2);
    return map;
  }

  /**
   * The principal's grants as {@code <type> <name> <patternType> <Operation>} lines, as Strimzi
   * writes them: to compare with what a KafkaUser says.
   */
  public static List<String> canonical(List<AclBinding> bindings) {
    return bindings.stream()
        .map(
            b ->
                resourceType(b.pattern())
                    + " "
                    + b.pattern().name()
                    + " "
                    + patternType(b.pattern())
                    + " "
                    + strimziName(b.entry().operation().name()))
        .sorted()
        .toList();
  }

  /** literal or prefix, as Strimzi names Kafka's LITERAL and PREFIXED. */
  private static String patternType(ResourcePattern pattern) {
    return switch (pattern.patternType()) {
      case LITERAL -> "literal";
      case PREFIXED -> "prefix";
      default -> throw new IllegalArgumentException("No Strimzi pattern type for " + pattern);
    };
  }

  /** topic, group, transactionalId: Strimzi's resource types. */
  private static String resourceType(ResourcePattern pattern) {
    return switch (pattern.resourceType()) {
      case TOPIC -> "topic";
      case GROUP -> "group";
      case TRANSACTIONAL_ID -> "transactionalId";
      case CLUSTER -> "cluster";
      default -> throw new IllegalArgumentException("No Strimzi ACL resource for " + pattern);
    };
  }

  /** DESCRIBE_CONFIGS: DescribeConfigs, as Strimzi names operations. */
  private static String strimziName(String kafkaOperation) {
    StringBuilder out = new StringBuilder();
    for (String word : kafkaOperation.toLowerCase().split("_")) {
      out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
    }
    return out.toString();
  }

  private static String principal(String user) {
    return "User:" + user;
  }

  private static List<AclBinding> concat(List<AclBinding> a, List<AclBinding> b) {
    List<AclBinding> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
