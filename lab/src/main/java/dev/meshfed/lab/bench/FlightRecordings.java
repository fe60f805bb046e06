package dev.meshfed.lab.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JDK Flight Recorder recordings of the services over one phase of the bench, started and dumped
 * with jcmd. A first recording runs through the warm-up and is discarded; the one written starts at
 * {@link #mark()}. The first start of the "profile" settings instruments the JDK's I/O classes, and
 * the recompiling that sets off (translation's compiler threads 100 ms of CPU per change at 20×100,
 * session 25) belongs to the warm-up, not to the changes profiled. One file per process: NAME.jfr
 * (the bench's own: test-bed-and-harness.jfr).
 */
final class FlightRecordings {

  private static final String RECORDING = "meshfed-bench";
  private static final String WARM_UP = "meshfed-bench-warm-up";

  private final Map<String, Long> pids;
  private final Path dir;

  private FlightRecordings(Map<String, Long> pids, Path dir) {
    this.pids = pids;
    this.dir = dir;
  }

  /** Starts the warm-up's recording (the JDK's "profile" settings) in every service. */
  static FlightRecordings start(Map<String, Long> pids, Path dir)
      throws IOException, InterruptedException {
    for (long pid : pids.values()) {
      Jcmd.run(pid, "JFR.start", "name=" + WARM_UP, "settings=profile");
    }
    return new FlightRecordings(new LinkedHashMap<>(pids), dir);
  }

  /** Starts the recordings written, and drops the warm-up's. */
  void mark() throws IOException, InterruptedException {
    for (long pid : pids.values()) {
      Jcmd.run(pid, "JFR.start", "name=" + RECORDING, "settings=profile");
      Jcmd.run(pid, "JFR.stop", "name=" + WARM_UP);
    }
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
