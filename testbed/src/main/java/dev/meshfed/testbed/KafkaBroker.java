package dev.meshfed.testbed;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.authorizer.StandardAuthorizer;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A single-node Kafka (KRaft, combined broker and controller) running inside this JVM on 127.0.0.1.
 * Transactions work (replication factor and min ISR 1 for the internal topics).
 *
 * <p>{@link #startWithSasl} adds a SASL listener (SCRAM-SHA-512) where Kafka's standard authorizer
 * enforces ACLs, as a secured production Kafka would. The PLAINTEXT listener stays for the broker
 * itself and for the test harness, whose anonymous principal is a super user.
 */
public final class KafkaBroker implements AutoCloseable {

  private static final int NODE_ID = 1;
  private static final String HOST = "127.0.0.1";
  private static final String CONTROLLER_LISTENER = "CONTROLLER";
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

  static final String SCRAM_MECHANISM = "SCRAM-SHA-512";

  private final KafkaRaftServer server;
  private final String bootstrapServers;
  private final Optional<String> saslBootstrapServers;
  private final AtomicBoolean closed = new AtomicBoolean();
  // package-private for its test
  Path deletedOnClose;

  private KafkaBroker(
      KafkaRaftServer server, String bootstrapServers, Optional<String> saslBootstrapServers) {
    this.server = server;
    this.bootstrapServers = bootstrapServers;
    this.saslBootstrapServers = saslBootstrapServers;
  }

  /**
   * Starts a broker on a random free port in a new temporary log directory (named from {@code
   * prefix}), which {@link #close} deletes: a test's broker that leaves nothing behind.
   */
  public static KafkaBroker startInTemporaryDirectory(String prefix) {
    try {
      Path logDir = Files.createTempDirectory(prefix);
      KafkaBroker broker = start(logDir);
      broker.deletedOnClose = logDir;
      return broker;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a log directory for a broker", e);
    }
  }

  /** Starts a broker on a random free port; formats {@code logDir} if it is not formatted yet. */
  public static KafkaBroker start(Path logDir) {
    return start(logDir, 0);
  }

  /**
   * Starts a broker whose PLAINTEXT listener uses {@code port} (0 picks a free one); formats {@code
   * logDir} if it is not formatted yet, else reuses its data.
   */
  public static KafkaBroker start(Path logDir, int port) {
    return start(logDir, port, false);
  }

  /**
   * Starts a broker with a SASL/SCRAM listener besides the PLAINTEXT one, ACLs enforced: a SCRAM
   * user ({@link #addScramUser}) may do only what ACLs grant it.
   */
  public static KafkaBroker startWithSasl(Path logDir) {
    return start(logDir, 0, true);
  }

  /**
   * Starts again, on the same listener ports and data, a broker {@link #startWithSasl} started: its
   * SCRAM users and ACLs are in the metadata log, so they hold again.
   */
  public static KafkaBroker restartWithSasl(Path logDir, int port, int saslPort) {
    return start(logDir, port, Optional.of(saslPort));
  }

  private static KafkaBroker start(Path logDir, int port, boolean sasl) {
    int plaintext = port == 0 ? LoopbackPorts.free() : port;
    return start(logDir, plaintext, sasl ? Optional.of(LoopbackPorts.free()) : Optional.empty());
  }

  private static KafkaBroker start(Path logDir, int plaintext, Optional<Integer> saslPort) {
    Thread thread = Thread.currentThread();
    ClassLoader callerLoader = thread.getContextClassLoader();
    // Kafka loads plugins through the context class loader and its threads inherit it: under
    // Quarkus that loader is a per-app-restart loader that does not own the broker's classes.
    thread.setContextClassLoader(KafkaRaftServer.class.getClassLoader());
    try {
      QuietLogging.apply();
      return startWithBrokerClassLoader(logDir, plaintext, saslPort);
    } finally {
      thread.setContextClassLoader(callerLoader);
    }
  }

  /** The PLAINTEXT bootstrap address, {@code 127.0.0.1:PORT}; a super user's with SASL on. */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** The SASL listener's address, if the broker has one. */
  public Optional<String> saslBootstrapServers() {
    return saslBootstrapServers;
  }

  /** Creates or updates a SCRAM user through the super user's listener. */
  public void addScramUser(String user, String password) {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      admin
          .alterUserScramCredentials(
              List.of(
                  new UserScramCredentialUpsertion(
                      user, new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), password)))
          .all()
          .get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted adding SCRAM user " + user, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot add SCRAM user " + user, e);
    }
  }

  /** Client properties that log in to the SASL listener as {@code user}. */
  public Map<String, String> scramClientProperties(String user, String password) {
    String servers =
        saslBootstrapServers.orElseThrow(
            () -> new IllegalStateException("this broker has no SASL listener"));
    return Map.of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
        servers,
        AdminClientConfig.SECURITY_PROTOCOL_CONFIG,
        "SASL_PLAINTEXT",
        SaslConfigs.SASL_MECHANISM,
        SCRAM_MECHANISM,
        SaslConfigs.SASL_JAAS_CONFIG,
        "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
            + user
            + "\" password=\""
            + password
            + "\";");
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      server.shutdown();
      server.awaitShutdown();
      if (deletedOnClose != null) {
        delete(deletedOnClose);
      }
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the broker's log directory " + dir, e);
    }
  }

  private static KafkaBroker startWithBrokerClassLoader(
      Path logDir, int port, Optional<Integer> saslPort) {
    Properties config = brokerConfig(logDir, port, LoopbackPorts.free());
    saslPort.ifPresent(sasl -> addSaslListener(config, sasl));
    formatIfNeeded(logDir, config);
    KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(config, false), Time.SYSTEM);
    KafkaBroker broker =
        new KafkaBroker(server, HOST + ":" + port, saslPort.map(sasl -> HOST + ":" + sasl));
    try {
      server.startup();
      broker.awaitReady();
      return broker;
    } catch (RuntimeException e) {
      broker.close();
      throw e;
    }
  }

  private static Properties brokerConfig(Path logDir, int port, int controllerPort) {
    Properties props = new Properties();
    props.putAll(
        Map.ofEntries(
            Map.entry("process.roles", "broker,controller"),
            Map.entry("node.id", String.valueOf(NODE_ID)),
            Map.entry("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort),
            Map.entry(
                "listeners",
                "PLAINTEXT://"
                    + HOST
                    + ":"
                    + port
                    + ",CONTROLLER://"
                    + HOST
                    + ":"
                    + controllerPort),
            Map.entry("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port),
            Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
            Map.entry("controller.listener.names", CONTROLLER_LISTENER),
            Map.entry("inter.broker.listener.name", "PLAINTEXT"),
            Map.entry("log.dirs", logDir.toAbsolutePath().toString()),
            Map.entry("num.partitions", "1"),
            Map.entry("default.replication.factor", "1"),
            Map.entry("auto.create.topics.enable", "false"),
            Map.entry("group.initial.rebalance.delay.ms", "0"),
            Map.entry("offsets.topic.replication.factor", "1"),
            Map.entry("offsets.topic.num.partitions", "1"),
            Map.entry("transaction.state.log.replication.factor", "1"),
            Map.entry("transaction.state.log.min.isr", "1"),
            Map.entry("transaction.state.log.num.partitions", "1"),
            Map.entry("share.coordinator.state.topic.replication.factor", "1"),
            Map.entry("share.coordinator.state.topic.min.isr", "1"),
            Map.entry("share.coordinator.state.topic.num.partitions", "1"),
            Map.entry("log.cleaner.enable", "true"),
            // the default 128 MiB dedupe buffer is heap this in-JVM broker does not need
            Map.entry("log.cleaner.dedupe.buffer.size", String.valueOf(4 * 1024 * 1024)),
            Map.entry("log.cleaner.threads", "1"),
            Map.entry("num.network.threads", "2"),
            Map.entry("num.io.threads", "2"),
            Map.entry("background.threads", "2"),
            Map.entry("num.recovery.threads.per.data.dir", "1")));
    return props;
  }

  /**
   * A SASL_PLAINTEXT listener with SCRAM, and the standard authorizer. The broker reaches itself
   * and its controller over PLAINTEXT as the anonymous principal, which must therefore be a super
   * user; so is the harness that connects there.
   */
  private static void addSaslListener(Properties config, int saslPort) {
    String sasl = "SASL://" + HOST + ":" + saslPort;
    config.put("listeners", config.getProperty("listeners") + "," + sasl);
    config.put("advertised.listeners", config.getProperty("advertised.listeners") + "," + sasl);
    config.put(
        "listener.security.protocol.map",
        config.getProperty("listener.security.protocol.map") + ",SASL:SASL_PLAINTEXT");
    config.put("sasl.enabled.mechanisms", SCRAM_MECHANISM);
    config.put(
        "listener.name.sasl.scram-sha-512.sasl.jaas.config",
        "org.apache.kafka.common.security.scram.ScramLoginModule required;");
    config.put("authorizer.class.name", StandardAuthorizer.class.getName());
    config.put("super.users", "User:ANONYMOUS");
    config.put("allow.everyone.if.no.acl.found", "false");
  }

  private static void formatIfNeeded(Path logDir, Properties config) {
    if (Files.exists(logDir.resolve("meta.properties"))) {
      return;
    }
    String dir = logDir.toAbsolutePath().toString();
    try {
      Files.createDirectories(logDir);
      new Formatter()
          .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
          .setNodeId(NODE_ID)
          .setClusterId(Uuid.randomUuid().toString())
          .setDirectories(List.of(dir))
          .setMetadataLogDirectory(dir)
          .setControllerListenerName(config.getProperty("controller.listener.names"))
          .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
          .run();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create Kafka log dir " + dir, e);
    } catch (Exception e) {
      throw new IllegalStateException("cannot format Kafka log dir " + dir, e);
    }
  }

  private void awaitReady() {
    Map<String, Object> adminConfig =
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
            (int) READY_TIMEOUT.toMillis());
    try (Admin admin = Admin.create(adminConfig)) {
      admin.describeCluster().nodes().get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted waiting for Kafka at " + bootstrapServers, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Kafka at " + bootstrapServers + " did not become ready", e);
    }
  }
}
