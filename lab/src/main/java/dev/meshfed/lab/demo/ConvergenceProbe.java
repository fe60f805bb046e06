package dev.meshfed.lab.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshfed.oracle.mesh.ManagedObjects;
import dev.meshfed.schema.desired.DesiredKey;
import dev.meshfed.schema.desired.DesiredObject;
import dev.meshfed.schema.discovery.DiscoveryKey;
import dev.meshfed.schema.events.EventKey;
import dev.meshfed.schema.events.FederationEvent;
import dev.meshfed.schema.events.RecomputeStarted;
import dev.meshfed.schema.events.TranslationBehind;
import dev.meshfed.schema.events.TranslationCaughtUp;
import dev.meshfed.schema.kafka.TopicSpec;
import dev.meshfed.schema.kafka.Topics;
import dev.meshfed.testbed.SimulatedCluster;
import dev.meshfed.testbed.scenario.ManagedObjectDumper;
import dev.meshfed.translation.records.RecordFactory;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Is the pipeline at rest? Every discovery-service has synced (its Agent record is on its topic),
 * translation has consumed every discovered record, the harness has read every committed record,
 * and every cluster holds exactly its desired objects. What is pending is listed, for progress: the
 * first of those that is not yet true.
 */
final class ConvergenceProbe {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long COMPARISON_GAP_FACTOR = 4;

  private final Admin admin;
  private final TopicMirror mirror;
  private final Map<String, SimulatedCluster> clusters;
  private final Map<String, Long> agentNotBefore = new ConcurrentHashMap<>();
  private final ManagedObjectDumper dumper = new ManagedObjectDumper(ManagedObjects.managedKinds());
  private Optional<String> lastDifferences = Optional.empty();
  private long nextComparisonAt = System.nanoTime();

  ConvergenceProbe(Admin admin, TopicMirror mirror, Map<String, SimulatedCluster> clusters) {
    this.admin = admin;
    this.mirror = mirror;
    this.clusters = clusters;
  }

  /**
   * A discovery-service of the cluster is (re)starting: only an Agent record written from now on
   * says it has synced.
   */
  void expectNewAgent(String cluster) throws ExecutionException, InterruptedException {
    String topic = Topics.discovered(cluster).name();
    long end =
        endOffsets().entrySet().stream()
            .filter(e -> e.getKey().topic().equals(topic))
            .mapToLong(Map.Entry::getValue)
            .sum();
    agentNotBefore.put(cluster, end);
  }

  /** What still has to happen; empty when converged. */
  List<String> pending() throws ExecutionException, InterruptedException {
    List<String> pending = new ArrayList<>();
    for (String cluster : clusters.keySet()) {
      if (!hasAgent(cluster)) {
        pending.add(cluster + ": discovery has not synced");
      }
    }
    Map<TopicPartition, Long> ends = endOffsets();
    long translationLag = translationLag(ends);
    if (translationLag > 0) {
      pending.add("translation: " + translationLag + " discovered records to process");
    }
    translationBehind().ifPresent(pending::add);
    Map<TopicPartition, Long> read = mirror.positions();
    long unread =
        ends.entrySet().stream()
            .mapToLong(e -> e.getValue() - read.getOrDefault(e.getKey(), 0L))
            .sum();
    if (unread > 0) {
      pending.add("harness: " + unread + " records to read");
    }
    if (pending.isEmpty()) {
      firstClusterWithDifferences().ifPresent(pending::add);
    }
    return pending;
  }

  /**
   * Listing a cluster's objects is the probe's dearest step, and it loads the same simulated API
   * servers the distributors write to: clusters are compared only once everything upstream is done,
   * and only up to the first that differs. While they still differ, a comparison waits {@value
   * #COMPARISON_GAP_FACTOR} times as long as the last one took: comparing without pause took a
   * quarter of the test bed's CPU during a cold start at 10x300, CPU the services then lacked. (The
   * cold convergence a bench reports is the time of the last write, which waiting does not move.)
   * Once they were found equal, every poll compares again, so that convergence holds throughout the
   * settling time.
   */
  private synchronized Optional<String> firstClusterWithDifferences() {
    long now = System.nanoTime();
    if (lastDifferences.isPresent() && now - nextComparisonAt < 0) {
      return lastDifferences;
    }
    lastDifferences = Optional.empty();
    for (SimulatedCluster cluster : clusters.values()) {
      int differences = differences(cluster);
      if (differences > 0) {
        lastDifferences =
            Optional.of(cluster.name() + ": " + differences + " objects to apply or prune");
        break;
      }
    }
    long end = System.nanoTime();
    nextComparisonAt = end + COMPARISON_GAP_FACTOR * (end - now);
    return lastDifferences;
  }

  /**
   * Translation commits every discovered record it consumed before it has written all they make
   * due: a full recompute runs in batches after them, and the units of a backlog are deferred to be
   * written once. Each translation partition's latest progress event says whether it is done
   * ({@code TranslationCaughtUp}) or not (behind, or a recompute's progress before the caught-up
   * that ends it).
   */
  private Optional<String> translationBehind() {
    TopicSpec<EventKey, FederationEvent> topic = Topics.events();
    for (Map.Entry<TopicMirror.Key, byte[]> latest : mirror.snapshot(topic.name()).entrySet()) {
      String subject =
          topic
              .keySerde()
              .deserializer()
              .deserialize(topic.name(), latest.getKey().bytes())
              .getSubject();
      // one subject per translation partition when the units are split
      if (!subject.equals(RecordFactory.TRANSLATION)
          && !subject.startsWith(RecordFactory.TRANSLATION + "/")) {
        continue;
      }
      Object event =
          topic.valueSerde().deserializer().deserialize(topic.name(), latest.getValue()).getEvent();
      if (!(event instanceof TranslationCaughtUp)) {
        return Optional.of(subject + ": " + behind(event));
      }
    }
    return Optional.empty();
  }

  private static String behind(Object event) {
    if (event instanceof RecomputeStarted started) {
      return "recomputing " + started.getUnits() + " units";
    }
    if (event instanceof TranslationBehind behind) {
      return behind.getFullRecomputeDue()
          ? "a full recompute due"
          : behind.getDeferredUnits() + " units deferred";
    }
    return "behind (" + event.getClass().getSimpleName() + ")";
  }

  Map<TopicPartition, Long> endOffsets() throws ExecutionException, InterruptedException {
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    // the events topic too: translation's progress is on it, and must have been read
    TopicSpec<EventKey, FederationEvent> events = Topics.events();
    for (int p = 0; p < events.partitions(); p++) {
      request.put(new TopicPartition(events.name(), p), OffsetSpec.latest());
    }
    for (String cluster : clusters.keySet()) {
      // the state topics, which the harness mirrors; the applied topic is events
      for (TopicSpec<?, ?> topic : List.of(Topics.discovered(cluster), Topics.desired(cluster))) {
        for (int p = 0; p < topic.partitions(); p++) {
          request.put(new TopicPartition(topic.name(), p), OffsetSpec.latest());
        }
      }
    }
    Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> result =
        admin.listOffsets(request).all().get();
    return result.entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
  }

  private boolean hasAgent(String cluster) {
    TopicSpec<DiscoveryKey, ?> topic = Topics.discovered(cluster);
    long notBefore = agentNotBefore.getOrDefault(cluster, 0L);
    return mirror.latestOffsets(topic.name()).entrySet().stream()
        .filter(e -> e.getValue() >= notBefore)
        .map(e -> topic.keySerde().deserializer().deserialize(topic.name(), e.getKey().bytes()))
        .anyMatch(k -> "Agent".equals(k.getKind()));
  }

  private long translationLag(Map<TopicPartition, Long> ends)
      throws ExecutionException, InterruptedException {
    Map<TopicPartition, OffsetAndMetadata> committed =
        admin
            .listConsumerGroupOffsets(DemoPipeline.TRANSLATION_APP_ID)
            .partitionsToOffsetAndMetadata()
            .get();
    Map<TopicPartition, Long> read = new HashMap<>(ends);
    read.keySet().removeIf(partition -> !partition.topic().startsWith(Topics.DISCOVERED_PREFIX));
    read.putAll(routedInputEnds());
    long lag = 0;
    for (Map.Entry<TopicPartition, Long> end : read.entrySet()) {
      OffsetAndMetadata done = committed.get(end.getKey());
      lag += end.getValue() - (done == null ? 0 : done.offset());
    }
    return lag;
  }

  /**
   * With translation partitioned, the end of each partition of the topic its routing task writes:
   * each partition's task has to read it all too. None when it is not.
   */
  private Map<TopicPartition, Long> routedInputEnds()
      throws ExecutionException, InterruptedException {
    String routed = Topics.translationRoutedInputsName(DemoPipeline.TRANSLATION_APP_ID);
    if (!admin.listTopics().names().get().contains(routed)) {
      return Map.of();
    }
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    admin
        .describeTopics(List.of(routed))
        .allTopicNames()
        .get()
        .get(routed)
        .partitions()
        .forEach(p -> request.put(new TopicPartition(routed, p.partition()), OffsetSpec.latest()));
    return admin.listOffsets(request).all().get().entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
  }

  /** The manifests of a cluster's desired topic, as the harness has read them. */
  List<JsonNode> desiredManifests(String cluster) {
    TopicSpec<DesiredKey, DesiredObject> topic = Topics.desired(cluster);
    return mirror.snapshot(topic.name()).values().stream()
        .map(bytes -> topic.valueSerde().deserializer().deserialize(topic.name(), bytes))
        .map(desired -> parse(desired.getManifest()))
        .toList();
  }

  /** Desired objects missing or different in the cluster, plus managed objects not desired. */
  private int differences(SimulatedCluster cluster) {
    Map<String, JsonNode> desired = new HashMap<>();
    desiredManifests(cluster.name()).forEach(manifest -> desired.put(identity(manifest), manifest));
    Map<String, GenericKubernetesResource> live = new HashMap<>();
    for (GenericKubernetesResource object : dumper.managedObjects(cluster.client())) {
      live.put(
          object.getKind()
              + "/"
              + object.getMetadata().getNamespace()
              + "/"
              + object.getMetadata().getName(),
          object);
    }
    int differences = 0;
    for (Map.Entry<String, JsonNode> want : desired.entrySet()) {
      GenericKubernetesResource have = live.remove(want.getKey());
      if (have == null || !sameContent(want.getValue(), have)) {
        differences++;
      }
    }
    return differences + live.size();
  }

  private static boolean sameContent(JsonNode want, GenericKubernetesResource have) {
    JsonNode haveJson = JSON.valueToTree(have);
    return Objects.equals(want.get("spec"), haveJson.get("spec"))
        && Objects.equals(
            want.path("metadata").get("labels"), haveJson.path("metadata").get("labels"))
        && Objects.equals(
            want.path("metadata").get("annotations"), haveJson.path("metadata").get("annotations"));
  }

  private static String identity(JsonNode manifest) {
    JsonNode metadata = manifest.path("metadata");
    return manifest.path("kind").asText()
        + "/"
        + metadata.path("namespace").asText()
        + "/"
        + metadata.path("name").asText();
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new IllegalStateException("A desired record's manifest is not JSON", e);
    }
  }
}
