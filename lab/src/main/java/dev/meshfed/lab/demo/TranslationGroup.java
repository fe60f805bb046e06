package dev.meshfed.lab.demo;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;

/**
 * The translation-service instances of a demo pipeline as their consumer group shows them: which
 * instance holds which partitions, and how far they have committed. Each instance is told apart by
 * its client id, which starts with its name.
 */
public final class TranslationGroup {

  private final Admin admin;
  private final String applicationId;
  private final Map<String, ServiceProcess> processes;

  TranslationGroup(Admin admin, String applicationId, Map<String, ServiceProcess> processes) {
    this.admin = admin;
    this.applicationId = applicationId;
    this.processes = processes;
  }

  /**
   * The topic partitions each running instance is assigned now (a standby has none), by instance
   * name. Empty during a rebalance.
   */
  public Map<String, Set<TopicPartition>> assignments()
      throws ExecutionException, InterruptedException {
    return assignments(describe());
  }

  /** {@link #assignments()} as {@code group}, one description of the group, has them. */
  public Map<String, Set<TopicPartition>> assignments(ConsumerGroupDescription group) {
    Map<String, Set<TopicPartition>> assignments = new TreeMap<>();
    for (MemberDescription member : group.members()) {
      processes.values().stream()
          .filter(p -> member.clientId().startsWith(p.name() + "-StreamThread-"))
          .findFirst()
          .ifPresent(
              p ->
                  assignments
                      .computeIfAbsent(p.name(), n -> new HashSet<>())
                      .addAll(member.assignment().topicPartitions()));
    }
    return assignments;
  }

  /**
   * The instance that runs a task now, with one partition: the one holding any partition. Empty
   * during a rebalance.
   */
  public Optional<ServiceProcess> active() throws ExecutionException, InterruptedException {
    return active(describe());
  }

  /** {@link #active()} as {@code group}, one description of the group, has it. */
  public Optional<ServiceProcess> active(ConsumerGroupDescription group) {
    return assignments(group).entrySet().stream()
        .filter(e -> !e.getValue().isEmpty())
        .map(e -> processes.get(e.getKey()))
        .findFirst();
  }

  /** How many input records the instances have committed, over every partition. */
  public long committed() throws ExecutionException, InterruptedException {
    return admin
        .listConsumerGroupOffsets(applicationId)
        .partitionsToOffsetAndMetadata()
        .get()
        .values()
        .stream()
        .filter(Objects::nonNull)
        .mapToLong(offset -> offset.offset())
        .sum();
  }

  public ConsumerGroupDescription describe() throws ExecutionException, InterruptedException {
    return admin
        .describeConsumerGroups(List.of(applicationId))
        .describedGroups()
        .get(applicationId)
        .get();
  }
}
