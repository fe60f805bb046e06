package dev.meshfed.lab.demo;

import java.nio.file.Path;
import java.util.List;

/** The JVMs the services run in. */
public enum ServiceJvm {
  /** Small JVMs sharing two cores in the e2e tests: start fast, stay small. */
  SMALL(smallOptions(), false),
  /**
   * The demo's: small, and mapping the classes of a whole earlier demo run (see {@link
   * ClassDataArchive}).
   */
  DEMO(smallOptions(), true),
  /**
   * As in production: full JIT, the default collector, room for the heap to show its size (a shared
   * distribution-service holds every cluster's desired state: 250 MB at 10x500).
   */
  MEASURED(List.of("-Xmx3g", "-Xshare:auto"), false);

  private final List<String> options;
  private final boolean wholeRunArchive;

  ServiceJvm(List<String> options, boolean wholeRunArchive) {
    this.options = options;
    this.wholeRunArchive = wholeRunArchive;
  }

  List<String> options() {
    return options;
  }

  ClassDataArchive archive(Path jar) {
    return wholeRunArchive ? ClassDataArchive.wholeRun(jar) : ClassDataArchive.startUp(jar);
  }

  private static List<String> smallOptions() {
    return List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto");
  }
}
