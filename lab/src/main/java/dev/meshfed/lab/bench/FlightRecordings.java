package dev.meshfed.lab.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JDK Flight Recorder recordings of the services over one phase of the bench, started and dumped
 * with jcmd so that start-up and warm-up stay out of them. One file per process: NAME.jfr (the
 * bench's own: test-bed-and-harness.jfr).
 */
final class FlightRecordings {

  private static final String RECORDING = "meshfed-bench";

  private final Map<String, Long> pids;
  private final Path dir;

  private FlightRecordings(Map<String, Long> pids, Path dir) {
    this.pids = pids;
    this.dir = dir;
  }

  /** Starts a recording (the JDK's "profile" settings) in every service. */
  static FlightRecordings start(Map<String, Long> pids, Path dir)
      throws IOException, InterruptedException {
    for (long pid : pids.values()) {
      Jcmd.run(pid, "JFR.start", "name=" + RECORDING, "settings=profile");
    }
    return new FlightRecordings(new LinkedHashMap<>(pids), dir);
  }

  /** Stops every recording and writes it; returns the files written, by service. */
  Map<String, Path> stop() throws IOException, InterruptedException {
    Map<String, Path> files = new LinkedHashMap<>();
    for (Map.Entry<String, Long> service : pids.entrySet()) {
      Path file = dir.resolve(service.getKey().replaceAll("[/ ]", "-") + ".jfr").toAbsolutePath();
      Jcmd.run(service.getValue(), "JFR.stop", "name=" + RECORDING, "filename=" + file);
      files.put(service.getKey(), file);
    }
    return files;
  }
}
