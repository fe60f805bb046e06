package dev.meshfed.lab.demo;

import dev.meshfed.testbed.LoopbackPorts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** One meshfed service as a separate JVM, its output appended to a log file. */
public final class ServiceProcess {

  private final String name;
  private final Path jar;
  private final Map<String, String> properties;
  private final Path log;
  private final List<String> jvmOptions;
  private final ClassDataArchive archive;
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  private Process process;
  private volatile int managementPort;

  ServiceProcess(
      String name,
      Path jar,
      Map<String, String> properties,
      Path log,
      List<String> jvmOptions,
      ClassDataArchive archive) {
    this.name = name;
    this.jar = jar;
    this.properties = Map.copyOf(properties);
    this.log = log;
    this.jvmOptions = List.copyOf(jvmOptions);
    this.archive = archive;
  }

  public String name() {
    return name;
  }

  public Path log() {
    return log;
  }

  public synchronized void start() {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException(name + " is already running");
    }
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: build with `mvn -DskipTests package`");
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(archive.jvmOptions());
    properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
    managementPort = LoopbackPorts.free();
    command.add("-Dquarkus.management.host=127.0.0.1");
    command.add("-Dquarkus.management.port=" + managementPort);
    // run from the jar's directory: the archive holds the class path as it was built, relative
    command.addAll(List.of("-jar", jar.getFileName().toString()));
    try {
      Files.createDirectories(log.getParent());
      process =
          new ProcessBuilder(command)
              .directory(jar.getParent().toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
    } catch (IOException e) {
      throw new IllegalStateException("Cannot start " + name, e);
    }
  }

  /** Where its health and metrics are served: {@code http://127.0.0.1:PORT/q/health}. */
  public URI managementUri() {
    return URI.create("http://127.0.0.1:" + managementPort);
  }

  /**
   * Why the service says it can no longer work, if it does: its liveness check answered DOWN (as
   * Kubernetes would restart it). Empty while it is live or not answering yet.
   */
  public Optional<String> deadReason() {
    if (!isAlive()) {
      return Optional.empty();
    }
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(managementUri().resolve("/q/health/live"))
                  .timeout(Duration.ofSeconds(2))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 503 ? Optional.of(response.body()) : Optional.empty();
    } catch (IOException notAnswering) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** Stops it the way Kubernetes does: SIGTERM, then SIGKILL after a grace period. */
  public synchronized void stop() {
    if (process == null) {
      return;
    }
    process.destroy();
    boolean ofItself = false;
    try {
      ofItself = process.waitFor(20, TimeUnit.SECONDS);
      if (!ofItself) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    process = null;
    archive.exited(ofItself);
  }

  /** Kills it at once, as a crash or {@code kill -9} would: no shutdown hook runs. */
  public synchronized void kill() {
    if (process == null) {
      return;
    }
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process = null;
    archive.exited(false);
  }

  /** The running process, for what the bench reads of it (CPU time, heap). */
  public synchronized Optional<ProcessHandle> handle() {
    return process != null && process.isAlive()
        ? Optional.of(process.toHandle())
        : Optional.empty();
  }

  public synchronized boolean isAlive() {
    return process != null && process.isAlive();
  }
}
