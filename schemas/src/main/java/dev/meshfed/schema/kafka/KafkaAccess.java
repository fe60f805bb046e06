package dev.meshfed.schema.kafka;

import static org.apache.kafka.common.acl.AclOperation.CREATE;
import static org.apache.kafka.common.acl.AclOperation.DESCRIBE;
import static org.apache.kafka.common.acl.AclOperation.READ;
import static org.apache.kafka.common.acl.AclOperation.WRITE;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The Kafka ACLs each meshfed principal needs, and no more: what docs/security.md lists and what
 * the secured end-to-end test grants. A cluster's discovery and distribution principals reach only
 * that cluster's topics; translation reaches every cluster's.
 *
 * <p>{@code *Runtime} is what a service needs once its topics exist; {@code *TopicCreation} adds
 * Create on the topics it creates when they are missing (not needed when they were created
 * beforehand).
 */
public final class KafkaAccess {

  private KafkaAccess() {}

  /** discovery-service of {@code cluster}: publishes the discovered topic and reads it back. */
  public static List<AclBinding> discoveryRuntime(String principal, String cluster) {
    Acls acls = new Acls(principal);
    acls.topic(Topics.discovered(cluster).name(), DESCRIBE, READ, WRITE);
    for (TopicSpec<?, ?> topic : Topics.clusterTopics(cluster)) {
      acls.topic(topic.name(), DESCRIBE);
    }
    return acls.bindings();
  }

  /** discovery-service creates all of its cluster's topics when it joins. */
  public static List<AclBinding> discoveryTopicCreation(String principal, String cluster) {
    Acls acls = new Acls(principal);
    Topics.clusterTopics(cluster).forEach(topic -> acls.topic(topic.name(), CREATE));
    return acls.bindings();
  }

  /**
   * distribution-service of {@code cluster}: reads the desired and status topics without a consumer
   * group, and reports on the applied and apply-failures topics.
   */
  public static List<AclBinding> distributionRuntime(String principal, String cluster) {
    Acls acls = new Acls(principal);
    acls.topic(Topics.desiredName(cluster), DESCRIBE, READ);
    acls.topic(Topics.statusName(cluster), DESCRIBE, READ);
    acls.topic(Topics.applied(cluster).name(), DESCRIBE, WRITE);
    acls.topic(Topics.applyFailures(cluster).name(), DESCRIBE, WRITE);
    return acls.bindings();
  }

  public static List<AclBinding> distributionTopicCreation(String principal, String cluster) {
    Acls acls = new Acls(principal);
    acls.topic(Topics.desiredName(cluster), CREATE);
    acls.topic(Topics.applied(cluster).name(), CREATE);
    acls.topic(Topics.applyFailures(cluster).name(), CREATE);
    acls.topic(Topics.statusName(cluster), CREATE);
    return acls.bindings();
  }

  /**
   * translation-service, a Kafka Streams application with exactly-once processing: every cluster's
   * discovered and apply-failures topics in, desired, status and events out; its own internal
   * topics, consumer group and transactional ids all start with the application id.
   */
  public static List<AclBinding> translationRuntime(String principal, String applicationId) {
    Acls acls = new Acls(principal);
    acls.prefixedTopic(Topics.DISCOVERED_PREFIX, DESCRIBE, READ);
    acls.prefixedTopic(Topics.APPLY_FAILURES_PREFIX, DESCRIBE, READ);
    acls.prefixedTopic(Topics.DESIRED_PREFIX, DESCRIBE, WRITE);
    acls.prefixedTopic(Topics.STATUS_PREFIX, DESCRIBE, WRITE);
    acls.topic(Topics.EVENTS, DESCRIBE, WRITE);
    acls.prefixedTopic(applicationId + "-", CREATE, DESCRIBE, READ, WRITE);
    acls.add(ResourceType.GROUP, applicationId, PatternType.LITERAL, READ);
    acls.add(ResourceType.TRANSACTIONAL_ID, applicationId + "-", PatternType.PREFIXED, WRITE);
    acls.add(ResourceType.TRANSACTIONAL_ID, applicationId + "-", PatternType.PREFIXED, DESCRIBE);
    return acls.bindings();
  }

  public static List<AclBinding> translationTopicCreation(String principal) {
    Acls acls = new Acls(principal);
    acls.topic(Topics.EVENTS, CREATE);
    return acls.bindings();
  }

  /**
   * The {@code meshfed} command: reads every meshfed topic without a consumer group of its own, and
   * translation's committed offsets ({@code status} shows how far translation has read).
   */
  public static List<AclBinding> cli(String principal, String translationApplicationId) {
    Acls acls = new Acls(principal);
    acls.prefixedTopic(Topics.PREFIX, DESCRIBE, READ);
    acls.add(ResourceType.GROUP, translationApplicationId, PatternType.LITERAL, DESCRIBE);
    return acls.bindings();
  }

  private static final class Acls {
    private final String principal;
    private final List<AclBinding> bindings = new ArrayList<>();

    Acls(String principal) {
      this.principal = principal;
    }

    void topic(String name, AclOperation... operations) {
      for (AclOperation operation : operations) {
        add(ResourceType.TOPIC, name, PatternType.LITERAL, operation);
      }
    }

    void prefixedTopic(String prefix, AclOperation... operations) {
      for (AclOperation operation : operations) {
        add(ResourceType.TOPIC, prefix, PatternType.PREFIXED, operation);
      }
    }

    void add(ResourceType type, String name, PatternType pattern, AclOperation operation) {
      AclBinding binding =
          new AclBinding(
              new ResourcePattern(type, name, pattern),
              new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW));
      if (!bindings.contains(binding)) {
        bindings.add(binding);
      }
    }

    List<AclBinding> bindings() {
      return List.copyOf(bindings);
    }
  }
}
