package dev.meshfed.lab.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * When every service has started: the moment Quarkus' "started in" line is first seen in each
 * service's log. Cold convergence splits into that start-up and the work after it.
 */
final class StartupWatch {

  static final String STARTED = ") started in ";

  private final Map<String, Path> logs;
  private final long startNanos;
  private final Set<String> started = new HashSet<>();
  private Optional<Duration> allStarted = Optional.empty();

  /** Watches the given logs (by service), counting from {@code startNanos}. */
  StartupWatch(Map<String, Path> logs, long startNanos) {
    this.logs = Map.copyOf(logs);
    this.startNanos = startNanos;
  }

  /** Looks at the logs of the services not yet seen starting; call it often. */
  void check() {
    if (allStarted.isPresent()) {
      return;
    }
    logs.forEach(
        (service, log) -> {
          if (!started.contains(service) && saysStarted(log)) {
            started.add(service);
          }
        });
    if (started.size() == logs.size()) {
      allStarted = Optional.of(Duration.ofNanos(System.nanoTime() - startNanos));
    }
  }

  /** From the start to the last service having started, once all have. */
  Optional<Duration> allStarted() {
    return allStarted;
  }

  private static boolean saysStarted(Path log) {
    try {
      return Files.exists(log)
          && new String(Files.readAllBytes(log), StandardCharsets.UTF_8).contains(STARTED);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + log, e);
    }
  }
}
