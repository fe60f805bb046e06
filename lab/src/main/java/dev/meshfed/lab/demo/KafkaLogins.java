package dev.meshfed.lab.demo;

import dev.meshfed.schema.kafka.KafkaAccess;
import dev.meshfed.testbed.KafkaBroker;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.BiFunction;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AclBinding;

/**
 * The Kafka client properties each service process starts with. Without security, the broker's
 * address; with it, a SCRAM user of the service's own, granted exactly the ACLs {@link KafkaAccess}
 * lists for a service whose topics exist (docs/security.md).
 */
final class KafkaLogins {

  private final KafkaBroker broker;
  private final Admin admin;
  private final boolean secured;
  private final Map<String, Map<String, String>> byUser = new LinkedHashMap<>();

  KafkaLogins(KafkaBroker broker, Admin admin, boolean secured) {
    this.broker = broker;
    this.admin = admin;
    this.secured = secured;
  }

  boolean secured() {
    return secured;
  }

  Map<String, String> translation(String applicationId) {
    String user = "meshfed-translation";
    return login(user, KafkaAccess.translationRuntime(principal(user), applicationId));
  }

  /** One discovery-service for these clusters (several: the multi-cluster mode). */
  Map<String, String> discovery(List<String> clusters) {
    return perCluster("meshfed-discovery", clusters, KafkaAccess::discoveryRuntime);
  }

  Map<String, String> distribution(List<String> clusters) {
    return perCluster("meshfed-distribution", clusters, KafkaAccess::distributionRuntime);
  }

  private Map<String, String> perCluster(
      String service, List<String> clusters, BiFunction<String, String, List<AclBinding>> runtime) {
    String user = user(service, clusters);
    List<AclBinding> acls = new ArrayList<>();
    clusters.forEach(cluster -> acls.addAll(runtime.apply(principal(user), cluster)));
    return login(user, acls);
  }

  /** The {@code meshfed} command's read-only user. */
  Map<String, String> cli(String translationApplicationId) {
    String user = "meshfed-cli";
    return login(user, KafkaAccess.cli(principal(user), translationApplicationId));
  }

  /** The client properties of a user created here, without the {@code kafka.} prefix. */
  Map<String, String> clientProperties(String user) {
    Map<String, String> properties = byUser.get(user);
    if (properties == null) {
      throw new IllegalArgumentException(
          "No Kafka user " + user + "; there are " + byUser.keySet());
    }
    return properties;
  }

  private Map<String, String> login(String user, List<AclBinding> acls) {
    Map<String, String> client =
        secured ? scramUser(user, acls) : Map.of("bootstrap.servers", broker.bootstrapServers());
    byUser.put(user, client);
    Map<String, String> prefixed = new LinkedHashMap<>();
    client.forEach((key, value) -> prefixed.put("kafka." + key, value));
    return prefixed;
  }

  private Map<String, String> scramUser(String user, List<AclBinding> acls) {
    String password = UUID.randomUUID().toString();
    broker.addScramUser(user, password);
    try {
      admin.createAcls(acls).all().get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("Cannot grant " + user + " its ACLs", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted granting " + user + " its ACLs", e);
    }
    return broker.scramClientProperties(user, password);
  }

  private static String user(String service, List<String> clusters) {
    return clusters.size() == 1 ? service + "-" + clusters.get(0) : service;
  }

  private static String principal(String user) {
    return "User:" + user;
  }
}
