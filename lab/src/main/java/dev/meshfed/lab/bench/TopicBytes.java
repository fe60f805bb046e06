package dev.meshfed.lab.bench;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.common.Node;

/** The bytes meshfed's topics take on the broker's disks. */
final class TopicBytes {

  private TopicBytes() {}

  static long meshfed(Admin admin)
      throws ExecutionException, InterruptedException, TimeoutException {
    Collection<Node> brokers = admin.describeCluster().nodes().get(30, TimeUnit.SECONDS);
    List<Integer> ids = brokers.stream().map(Node::id).toList();
    long bytes = 0;
    for (var perBroker :
        admin.describeLogDirs(ids).allDescriptions().get(30, TimeUnit.SECONDS).values()) {
      for (LogDirDescription dir : perBroker.values()) {
        bytes +=
            dir.replicaInfos().entrySet().stream()
                .filter(e -> isMeshfed(e.getKey().topic()))
                .mapToLong(e -> e.getValue().size())
                .sum();
      }
    }
    return bytes;
  }

  static boolean isMeshfed(String topic) {
    return topic.startsWith("meshfed.") && !topic.startsWith("meshfed.bench.");
  }
}
