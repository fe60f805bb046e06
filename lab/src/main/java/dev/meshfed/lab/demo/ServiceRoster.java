package dev.meshfed.lab.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pipeline's service processes by name, which of them are meant to be running, and when one was
 * last started or stopped (or the broker restarted): convergence expects every process meant to run
 * alive, and settles after such a disturbance.
 */
final class ServiceRoster {

  private static final Duration LIVENESS_INTERVAL = Duration.ofSeconds(1);

  private final Map<String, ServiceProcess> processes = new LinkedHashMap<>();
  private final List<ServiceProcess> notRunning = new ArrayList<>();
  private long livenessAskedAt = System.nanoTime();
  private volatile long disturbedAt = System.nanoTime();

  /** Defines a process, or replaces the one of that name; it runs once all are started. */
  void define(String name, ServiceProcess process) {
    processes.put(name, process);
  }

  /** Defines a process that runs only once {@link #start} starts it. */
  void defineStopped(String name, ServiceProcess process) {
    processes.put(name, process);
    notRunning.add(process);
  }

  Map<String, ServiceProcess> all() {
    return Collections.unmodifiableMap(processes);
  }

  /**
   * @throws IllegalArgumentException if there is no such process
   */
  ServiceProcess get(String name) {
    ServiceProcess process = processes.get(name);
    if (process == null) {
      throw new IllegalArgumentException(
          "No process " + name + "; there are " + processes.keySet());
    }
    return process;
  }

  long countNamed(String prefix) {
    return processes.keySet().stream().filter(name -> name.startsWith(prefix)).count();
  }

  /** Starts every process, those defined stopped among them. */
  void startAll() {
    disturbed();
    processes.values().forEach(ServiceProcess::start);
    notRunning.clear();
  }

  void start(ServiceProcess process) {
    disturbed();
    process.start();
    notRunning.remove(process);
  }

  /** Stops a service on purpose; convergence does not expect it alive. */
  void stop(ServiceProcess process) {
    disturbed();
    notRunning.add(process);
    process.stop();
  }

  /** Kills a service on purpose ({@code kill -9}); convergence does not expect it alive. */
  void kill(ServiceProcess process) {
    disturbed();
    notRunning.add(process);
    process.kill();
  }

  void stopAll() {
    processes.values().forEach(ServiceProcess::stop);
  }

  /** Something the services depend on changed under them (the broker restarted). */
  void disturbed() {
    disturbedAt = System.nanoTime();
  }

  /** When a process was last started or stopped, or {@link #disturbed} was called. */
  long disturbedAt() {
    return disturbedAt;
  }

  /**
   * Fails when a service meant to run exited, or, once a second, when one reports itself dead
   * (liveness DOWN: e.g. Kafka Streams stopped on an error), rather than waiting out a convergence
   * timeout.
   */
  void checkAlive() {
    boolean askLiveness = System.nanoTime() - livenessAskedAt > LIVENESS_INTERVAL.toNanos();
    for (ServiceProcess process : processes.values()) {
      if (notRunning.contains(process)) {
        continue;
      }
      if (!process.isAlive()) {
        throw new IllegalStateException(process.name() + " exited; see " + process.log());
      }
      if (askLiveness) {
        process
            .deadReason()
            .ifPresent(
                reason -> {
                  throw new IllegalStateException(
                      process.name()
                          + " reports itself dead: "
                          + reason
                          + "; see "
                          + process.log());
                });
      }
    }
    if (askLiveness) {
      livenessAskedAt = System.nanoTime();
    }
  }
}
