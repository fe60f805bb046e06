package dev.meshfed.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * compose/compose.yaml, read as Compose reads it (anchors and merge keys resolved), checked against
 * what the services expect. Where a container engine is installed, {@code docker compose config}
 * must accept it too.
 */
@SuppressWarnings("unchecked")
class ComposeFileTest {

  private static final Path COMPOSE = Path.of("../compose/compose.yaml");
  private static final List<String> CLUSTERS = List.of("mgmt", "cluster1", "cluster2");

  @Test
  void everyClusterHasADiscoveryAndADistributionServiceThatSpeakForIt() throws IOException {
    Map<String, Map<String, Object>> services = services();

    assertThat(services.keySet())
        .containsExactlyInAnyOrder(
            "kafka",
            "translation-service",
            "discovery-mgmt",
            "distribution-mgmt",
            "discovery-cluster1",
            "distribution-cluster1",
            "discovery-cluster2",
            "distribution-cluster2");
    for (String cluster : CLUSTERS) {
      for (String service : List.of("discovery", "distribution")) {
        Map<String, Object> definition = services.get(service + "-" + cluster);
        Map<String, Object> env = map(definition.get("environment"));
        assertThat(env)
            .as(service + "-" + cluster)
            .containsEntry("MESHFED_CLUSTER", cluster)
            .containsEntry("KUBECONFIG", "/kubeconfigs/" + cluster)
            .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092");
        assertThat((String) definition.get("image"))
            .isEqualTo(
                "${MESHFED_IMAGE_PREFIX:-meshfed/}"
                    + service
                    + "-service:${MESHFED_VERSION:-0.1.0}");
        assertThat((List<Object>) definition.get("volumes"))
            .containsExactly("./kubeconfigs:/kubeconfigs:ro");
      }
    }
  }

  @Test
  void everyMeshfedServiceRunsRestrictedAfterKafkaIsHealthy() throws IOException {
    services().entrySet().stream()
        .filter(e -> !e.getKey().equals("kafka"))
        .forEach(
            e -> {
              Map<String, Object> service = e.getValue();
              assertThat(service.get("read_only")).as(e.getKey()).isEqualTo(true);
              assertThat(service.get("user")).as(e.getKey()).isEqualTo("185");
              assertThat((List<Object>) service.get("tmpfs"))
                  .as(e.getKey())
                  .containsExactly("/tmp");
              assertThat(map(map(service.get("depends_on")).get("kafka")))
                  .containsEntry("condition", "service_healthy");
            });
  }

  @Test
  void translationKeepsItsStateInAVolumeAndKafkaItsData() throws IOException {
    Map<String, Map<String, Object>> services = services();

    assertThat(map(services.get("translation-service").get("environment")))
        .containsEntry("KAFKA_STREAMS_STATE_DIR", "/state")
        .containsEntry("MESHFED_MANAGEMENT_CLUSTER", "mgmt");
    assertThat((List<Object>) services.get("translation-service").get("volumes"))
        .containsExactly("translation-state:/state");
    Map<String, Object> kafka = map(services.get("kafka").get("environment"));
    assertThat(kafka)
        .containsEntry(
            "KAFKA_ADVERTISED_LISTENERS", "PLAINTEXT://kafka:9092,HOST://localhost:19092")
        .containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
    assertThat(map(load().get("volumes"))).containsKeys("kafka-data", "translation-state");
  }

  @Test
  void dockerComposeAcceptsItWhereInstalled() throws Exception {
    for (List<String> compose : List.of(List.of("docker", "compose"), List.of("docker-compose"))) {
      if (run(compose, "version").exitCode() == 0) {
        Commands.Run config = run(compose, "-f", COMPOSE.toString(), "config", "--quiet");
        assertThat(config.exitCode()).as(config.output()).isZero();
        return;
      }
    }
    // no Compose on this machine (here: a docker CLI without the compose plugin, and no engine)
  }

  private static Commands.Run run(List<String> command, String... args)
      throws InterruptedException {
    List<String> all = new ArrayList<>(command);
    all.addAll(List.of(args));
    return Commands.run(all, Map.of());
  }

  private static Map<String, Map<String, Object>> services() throws IOException {
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> services =
        (Map<String, Map<String, Object>>) load().get("services");
    return services;
  }

  private static Map<String, Object> load() throws IOException {
    try (Reader in = Files.newBufferedReader(COMPOSE)) {
      return new Yaml().load(in);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }
}
