package dev.meshfed.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshfed.cli.MeshfedHome;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each service logs one JSON object per line when asked to, timestamps with dates. */
class JsonLogsIT {

  @Test
  void everyServiceLogsJsonWhenAskedTo() throws Exception {
    MeshfedHome home = MeshfedHome.locate();
    for (String service :
        List.of("discovery-service", "translation-service", "distribution-service")) {
      JsonNode first = firstLine(home.serviceJar(service));
      assertThat(first.path("timestamp").asText()).as(service).matches("\\d{4}-\\d{2}-\\d{2}T.*");
      assertThat(first.path("level").asText()).as(service).isNotEmpty();
      assertThat(first.path("message").asText()).as(service).isNotEmpty();
    }
  }

  /** Starts the service against nothing (no Kafka, no cluster) and reads its first log line. */
  private static JsonNode firstLine(Path jar) throws Exception {
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.log.console.json.enabled=true",
                "-Dmeshfed.cluster=json-logs",
                "-Dquarkus.management.port=0",
                "-Dkafka.bootstrap.servers=127.0.0.1:1",
                "-Dquarkus.kubernetes-client.api-server-url=http://127.0.0.1:1",
                "-jar",
                jar.toString())
            .redirectErrorStream(true)
            .start();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line = out.readLine();
      assertThat(line).as(jar + " logged nothing").isNotNull();
      return new ObjectMapper().readTree(line);
    } finally {
      process.destroyForcibly().waitFor();
    }
  }
}
