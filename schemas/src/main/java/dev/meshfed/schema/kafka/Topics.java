package dev.meshfed.schema.kafka;

import dev.meshfed.schema.desired.DesiredKey;
import dev.meshfed.schema.desired.DesiredObject;
import dev.meshfed.schema.discovery.DiscoveredObject;
import dev.meshfed.schema.discovery.DiscoveryKey;
import dev.meshfed.schema.events.EventKey;
import dev.meshfed.schema.events.FederationEvent;
import dev.meshfed.schema.status.InputStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Every meshfed topic, named in one place. A cluster's topics carry its name; records don't. */
public final class Topics {

  public static final String PREFIX = "meshfed.";
  public static final String DISCOVERED_PREFIX = PREFIX + "discovered.";
  public static final String DESIRED_PREFIX = PREFIX + "desired.";
  public static final String APPLIED_PREFIX = PREFIX + "applied.";
  public static final String APPLY_FAILURES_PREFIX = PREFIX + "apply-failures.";
  public static final String STATUS_PREFIX = PREFIX + "status.";
  public static final String EVENTS = PREFIX + "events";

  /** Matches every discovered topic; group 1 is the cluster name. */
  public static final Pattern DISCOVERED_PATTERN =
      Pattern.compile(Pattern.quote(DISCOVERED_PREFIX) + "([a-z0-9]([-a-z0-9]*[a-z0-9])?)");

  /** Matches every applied topic; group 1 is the cluster name. */
  public static final Pattern APPLIED_PATTERN =
      Pattern.compile(Pattern.quote(APPLIED_PREFIX) + "([a-z0-9]([-a-z0-9]*[a-z0-9])?)");

  /** Matches every apply-failures topic; group 1 is the cluster name. */
  public static final Pattern APPLY_FAILURES_PATTERN =
      Pattern.compile(Pattern.quote(APPLY_FAILURES_PREFIX) + "([a-z0-9]([-a-z0-9]*[a-z0-9])?)");

  /** Kubernetes-style cluster names: lowercase RFC 1123 labels. */
  public static final Pattern CLUSTER_NAME = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

  /**
   * One partition per cluster topic: translation joins all clusters in one task (see
   * docs/architecture.md); a cluster's own load is small. Scale-out repartitions by workspace.
   */
  public static final int STATE_PARTITIONS = 1;

  /**
   * How long a state topic keeps every change before compaction may fold it into the latest record
   * per key: the window in which "what did cluster X have at 14:00, and why" can be answered.
   */
  public static final Duration AUDIT_WINDOW = Duration.ofDays(7);

  /** Segments roll daily so that history older than the window is compacted within a day. */
  private static final Duration SEGMENT = Duration.ofDays(1);

  private static final Map<String, String> STATE_TOPIC_CONFIG =
      Map.of(
          "cleanup.policy", "compact",
          "min.compaction.lag.ms", millis(AUDIT_WINDOW),
          // a tombstone stays readable for the window too, so replay sees deletions
          "delete.retention.ms", millis(AUDIT_WINDOW),
          "segment.ms", millis(SEGMENT));

  private static final Map<String, String> EVENT_TOPIC_CONFIG =
      Map.of(
          "cleanup.policy", "delete",
          "retention.ms", millis(Duration.ofDays(30)),
          "segment.ms", millis(SEGMENT));

  private Topics() {}

  public static TopicSpec<DiscoveryKey, DiscoveredObject> discovered(String cluster) {
    return new TopicSpec<>(
        DISCOVERED_PREFIX + checkCluster(cluster),
        AvroSerde.of(DiscoveryKey.class),
        AvroSerde.of(DiscoveredObject.class),
        STATE_PARTITIONS,
        STATE_TOPIC_CONFIG,
        "discovery-service");
  }

  public static TopicSpec<DesiredKey, DesiredObject> desired(String cluster) {
    return new TopicSpec<>(
        desiredName(cluster),
        AvroSerde.of(DesiredKey.class),
        AvroSerde.of(DesiredObject.class),
        STATE_PARTITIONS,
        STATE_TOPIC_CONFIG,
        "translation-service");
  }

  /**
   * The name of a cluster's desired topic, without building its serdes: for a per-record topic
   * choice.
   */
  public static String desiredName(String cluster) {
    return DESIRED_PREFIX + checkCluster(cluster);
  }

  public static TopicSpec<EventKey, FederationEvent> events() {
    return new TopicSpec<>(
        EVENTS,
        AvroSerde.of(EventKey.class),
        AvroSerde.of(FederationEvent.class),
        1,
        EVENT_TOPIC_CONFIG,
        "translation-service");
  }

  /**
   * What a cluster's distribution-service reports about applying its desired config: ApplyFailed
   * and ClusterConverged events. The cluster is the topic's.
   */
  public static TopicSpec<EventKey, FederationEvent> applied(String cluster) {
    return new TopicSpec<>(
        APPLIED_PREFIX + checkCluster(cluster),
        AvroSerde.of(EventKey.class),
        AvroSerde.of(FederationEvent.class),
        STATE_PARTITIONS,
        EVENT_TOPIC_CONFIG,
        "distribution-service");
  }

  /**
   * What translation needs of the applied topic: a cluster's distribution-service writes each
   * ApplyFailed here too, and a ClusterConverged only when it clears failures (the first after the
   * distributor starts, and the first after failures). The applied topic has a convergence after
   * nearly every change to every cluster, which translation read only to drop. The cluster is the
   * topic's.
   */
  public static TopicSpec<EventKey, FederationEvent> applyFailures(String cluster) {
    return new TopicSpec<>(
        APPLY_FAILURES_PREFIX + checkCluster(cluster),
        AvroSerde.of(EventKey.class),
        AvroSerde.of(FederationEvent.class),
        STATE_PARTITIONS,
        EVENT_TOPIC_CONFIG,
        "distribution-service");
  }

  /**
   * The statuses translation gives the inputs that live in a cluster (Workspaces,
   * WorkspaceSettings, KubernetesClusters), for that cluster's distribution-service to write back.
   */
  public static TopicSpec<DiscoveryKey, InputStatus> status(String cluster) {
    return new TopicSpec<>(
        statusName(cluster),
        AvroSerde.of(DiscoveryKey.class),
        AvroSerde.of(InputStatus.class),
        STATE_PARTITIONS,
        STATE_TOPIC_CONFIG,
        "translation-service");
  }

  /**
   * The topic a partitioned translation-service routes its inputs through, internal to it and named
   * after its application id as Kafka Streams names its own (translation's ACLs cover them).
   */
  public static String translationRoutedInputsName(String applicationId) {
    return applicationId + "-routed-inputs";
  }

  public static String statusName(String cluster) {
    return STATUS_PREFIX + checkCluster(cluster);
  }

  /** The cluster a discovered topic speaks for, if the name is one. */
  public static Optional<String> clusterOfDiscovered(String topic) {
    return clusterOf(DISCOVERED_PATTERN, topic);
  }

  /** The cluster an applied topic speaks for, if the name is one. */
  public static Optional<String> clusterOfApplied(String topic) {
    return clusterOf(APPLIED_PATTERN, topic);
  }

  /** The cluster an apply-failures topic speaks for, if the name is one. */
  public static Optional<String> clusterOfApplyFailures(String topic) {
    return clusterOf(APPLY_FAILURES_PATTERN, topic);
  }

  private static Optional<String> clusterOf(Pattern pattern, String topic) {
    Matcher m = pattern.matcher(topic);
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** A cluster's topics: created when the cluster joins (its discovery-service starts). */
  public static List<TopicSpec<?, ?>> clusterTopics(String cluster) {
    return List.of(
        discovered(cluster),
        desired(cluster),
        applied(cluster),
        applyFailures(cluster),
        status(cluster));
  }

  private static String millis(Duration duration) {
    return String.valueOf(duration.toMillis());
  }

  public static String checkCluster(String cluster) {
    if (cluster == null || !CLUSTER_NAME.matcher(cluster).matches()) {
      throw new IllegalArgumentException(
          "Invalid cluster name '" + cluster + "': use lowercase letters, digits and '-'");
    }
    return cluster;
  }
}
