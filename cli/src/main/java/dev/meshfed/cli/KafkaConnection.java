package dev.meshfed.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import picocli.CommandLine.Option;

/**
 * How a command reaches Kafka: standard client properties (TLS, SASL, …) from a file, the bootstrap
 * servers from the option or $KAFKA_BOOTSTRAP_SERVERS, else the running demo's broker.
 */
final class KafkaConnection {

  @Option(names = "--bootstrap-server", description = "Kafka bootstrap servers (host:port,…).")
  String bootstrapServers;

  @Option(
      names = "--kafka-config",
      description = "A Kafka client properties file (security.protocol, sasl.*, ssl.*, …).")
  Path configFile;

  Properties properties() throws IOException {
    Properties props = new Properties();
    if (configFile != null) {
      try (Reader in = Files.newBufferedReader(configFile)) {
        props.load(in);
      }
    }
    Optional.ofNullable(bootstrapServers)
        .or(() -> Optional.ofNullable(System.getenv("KAFKA_BOOTSTRAP_SERVERS")))
        .ifPresent(servers -> props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, servers));
    if (!props.containsKey(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)) {
      props.putAll(demoBroker());
    }
    return props;
  }

  /** The demo writes its broker's address to its work directory while it runs. */
  private static Properties demoBroker() throws IOException {
    Path file = MeshfedHome.locate().demoKafkaProperties();
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(
          "No Kafka to connect to: give --bootstrap-server, --kafka-config or KAFKA_BOOTSTRAP_SERVERS,"
              + " or start `meshfed demo`");
    }
    Properties props = new Properties();
    try (Reader in = Files.newBufferedReader(file)) {
      props.load(in);
    }
    return props;
  }
}
