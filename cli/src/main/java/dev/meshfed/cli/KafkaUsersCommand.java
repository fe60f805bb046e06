package dev.meshfed.cli;

import dev.meshfed.cli.kafka.KafkaUsers;
import dev.meshfed.schema.kafka.Topics;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.common.acl.AclBinding;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Prints Strimzi KafkaUsers with exactly the ACLs meshfed's principals need (docs/security.md). */
@Command(
    name = "kafka-users",
    description = {
      "Prints Strimzi KafkaUser resources with exactly the ACLs meshfed's services need:",
      "a cluster's discovery and distribution users, translation's, the meshfed command's.",
      "  meshfed kafka-users --cluster cluster3 | kubectl apply -n kafka -f -"
    })
public final class KafkaUsersCommand implements Callable<Integer> {

  @Option(
      names = "--cluster",
      description = "A cluster whose discovery and distribution users to print (repeatable).")
  List<String> clusters = new ArrayList<>();

  @Option(names = "--translation", description = "Print translation-service's user.")
  boolean translation;

  @Option(names = "--cli", description = "Print the meshfed command's read-only user.")
  boolean cli;

  @Option(
      names = "--application-id",
      defaultValue = "meshfed-translation",
      description =
          "translation-service's Kafka Streams application id (default: ${DEFAULT-VALUE}).")
  String applicationId;

  @Option(
      names = "--kafka-cluster",
      defaultValue = "meshfed",
      description = "The Strimzi Kafka the users belong to (default: ${DEFAULT-VALUE}).")
  String kafkaCluster;

  private final PrintStream out;

  public KafkaUsersCommand() {
    this(System.out);
  }

  KafkaUsersCommand(PrintStream out) {
    this.out = out;
  }

  @Override
  public Integer call() {
    KafkaUsers users = new KafkaUsers(applicationId, kafkaCluster);
    Map<String, List<AclBinding>> selected = new LinkedHashMap<>();
    if (translation) {
      selected.putAll(users.translation());
    }
    for (String cluster : clusters) {
      selected.putAll(users.cluster(Topics.checkCluster(cluster)));
    }
    if (cli) {
      selected.putAll(users.cli());
    }
    if (selected.isEmpty()) {
      throw new IllegalArgumentException("Name what to print: --cluster, --translation or --cli");
    }
    out.print(users.yaml(selected));
    out.flush();
    return 0;
  }
}
