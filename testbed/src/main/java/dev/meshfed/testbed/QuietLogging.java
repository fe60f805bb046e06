package dev.meshfed.testbed;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Raises the level of the broker's and the mock server's chatty loggers to WARNING. Works for JUL
 * and for everything routed to JUL (JBoss LogManager under Quarkus).
 */
final class QuietLogging {

  private static final List<String> CHATTY_LOGGERS =
      List.of(
          "kafka",
          "state.change.logger",
          "org.apache.kafka.controller",
          "org.apache.kafka.coordinator",
          "org.apache.kafka.image",
          "org.apache.kafka.metadata",
          "org.apache.kafka.queue",
          "org.apache.kafka.raft",
          "org.apache.kafka.server",
          "org.apache.kafka.snapshot",
          "org.apache.kafka.storage",
          "io.fabric8.mockwebserver",
          "io.fabric8.kubernetes.client.server.mock");

  // JUL keeps loggers weakly: a level set on a logger nobody references can be lost to GC
  private static final List<Logger> RETAINED =
      CHATTY_LOGGERS.stream().map(Logger::getLogger).toList();

  private QuietLogging() {}

  static void apply() {
    RETAINED.forEach(logger -> logger.setLevel(Level.WARNING));
  }
}
