package dev.meshfed.e2e;

import dev.meshfed.testbed.SimulatedCluster;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The part of the Strimzi operator the install scripts see, played in a simulated cluster: its
 * kinds are served, and it writes each KafkaUser's secret and the cluster CA into namespace kafka.
 */
final class SimulatedStrimzi {

  static final String NAMESPACE = "kafka";
  static final ResourceDefinitionContext KAFKA_USERS = kind("KafkaUser", "kafkausers");
  static final ResourceDefinitionContext KAFKA_TOPICS = kind("KafkaTopic", "kafkatopics");

  private final SimulatedCluster cluster;

  /** Serves Strimzi's kinds in the cluster. */
  SimulatedStrimzi(SimulatedCluster cluster) {
    this.cluster = cluster;
    for (String[] kind :
        new String[][] {
          {"Kafka", "kafkas"},
          {"KafkaNodePool", "kafkanodepools"},
          {"KafkaUser", "kafkausers"},
          {"KafkaTopic", "kafkatopics"}
        }) {
      cluster.client().resource(crd(kind[0], kind[1])).create();
    }
  }

  /** What Strimzi writes for each user, and the cluster CA. */
  void writesSecrets(String... users) {
    for (String user : users) {
      apply(secret(user, Map.of("sasl.jaas.config", jaas(user), "password", "pw")));
    }
    apply(secret("meshfed-cluster-ca-cert", Map.of("ca.crt", "the cluster CA")));
  }

  /** The names of the KafkaUsers in the cluster. */
  List<String> userNames() {
    return cluster
        .client()
        .genericKubernetesResources(KAFKA_USERS)
        .inNamespace(NAMESPACE)
        .list()
        .getItems()
        .stream()
        .map(user -> user.getMetadata().getName())
        .toList();
  }

  /** The JAAS configuration Strimzi writes for a SCRAM user. */
  static String jaas(String user) {
    return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
        + user
        + "\" password=\"pw\";";
  }

  private void apply(Secret secret) {
    cluster.client().secrets().inNamespace(NAMESPACE).resource(secret).serverSideApply();
  }

  private static Secret secret(String name, Map<String, String> data) {
    Map<String, String> encoded = new TreeMap<>();
    data.forEach(
        (k, v) ->
            encoded.put(k, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
    return new SecretBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(NAMESPACE)
        .endMetadata()
        .withData(encoded)
        .build();
  }

  private static ResourceDefinitionContext kind(String kind, String plural) {
    return new ResourceDefinitionContext.Builder()
        .withGroup("kafka.strimzi.io")
        .withVersion("v1beta2")
        .withKind(kind)
        .withPlural(plural)
        .withNamespaced(true)
        .build();
  }

  /** Enough of Strimzi's CRD for an API server to serve the kind. */
  private static CustomResourceDefinition crd(String kind, String plural) {
    return new CustomResourceDefinitionBuilder()
        .withNewMetadata()
        .withName(plural + ".kafka.strimzi.io")
        .endMetadata()
        .withNewSpec()
        .withGroup("kafka.strimzi.io")
        .withScope("Namespaced")
        .withNewNames()
        .withKind(kind)
        .withPlural(plural)
        .withSingular(kind.toLowerCase())
        .endNames()
        .addNewVersion()
        .withName("v1beta2")
        .withServed(true)
        .withStorage(true)
        .withNewSchema()
        .withNewOpenAPIV3Schema()
        .withType("object")
        .withXKubernetesPreserveUnknownFields(true)
        .endOpenAPIV3Schema()
        .endSchema()
        .endVersion()
        .endSpec()
        .build();
  }
}
