package dev.meshfed.lab.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The class-data sharing archive a service JVM maps instead of loading and verifying classes.
 *
 * <p>Quarkus records one at build time beside the jar ({@code app-cds.jsa}), of the classes the
 * service loads while it starts. Most of a demo's classes load after that: Kafka Streams, the
 * informers, Avro. So the demo records its own ({@code run-cds.jsa}), of every class a whole run
 * loaded: the first demo after a build writes it as each service exits, and later demos map it.
 * Tests and the bench keep Quarkus's archive, so their figures do not depend on whether a demo ran
 * before them.
 */
final class ClassDataArchive {

  static final String START_UP = "app-cds.jsa";
  static final String WHOLE_RUN = "run-cds.jsa";

  private final Path jar;
  private final boolean wholeRun;
  private Path recording;

  private ClassDataArchive(Path jar, boolean wholeRun) {
    this.jar = jar;
    this.wholeRun = wholeRun;
  }

  static ClassDataArchive startUp(Path jar) {
    return new ClassDataArchive(jar, false);
  }

  static ClassDataArchive wholeRun(Path jar) {
    return new ClassDataArchive(jar, true);
  }

  /** The JVM options for the next start: the archive to map, or the one to record at exit. */
  synchronized List<String> jvmOptions() {
    Path runArchive = jar.resolveSibling(WHOLE_RUN);
    if (wholeRun && !recordedForThisBuild(runArchive)) {
      // a name of this test bed's own: two demos at once must not write one file
      recording =
          jar.resolveSibling(WHOLE_RUN + "." + ProcessHandle.current().pid() + ".recording");
      // the JVM's notes on classes it cannot archive would fill the service's log
      return List.of("-XX:ArchiveClassesAtExit=" + recording, "-Xlog:cds*=off");
    }
    Path archive = wholeRun ? runArchive : jar.resolveSibling(START_UP);
    return Files.isRegularFile(archive) ? List.of("-XX:SharedArchiveFile=" + archive) : List.of();
  }

  /**
   * After the JVM exited: keeps what it recorded if it exited of itself (the JVM writes the archive
   * as it exits), and drops it if it had to be killed, as it may be cut short.
   */
  synchronized void exited(boolean ofItself) {
    if (recording == null) {
      return;
    }
    try {
      if (ofItself && Files.isRegularFile(recording)) {
        Files.move(
            recording,
            jar.resolveSibling(WHOLE_RUN),
            StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      } else {
        Files.deleteIfExists(recording);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot keep the class-data archive " + recording, e);
    } finally {
      recording = null;
    }
  }

  /** Quarkus writes the jar anew on every build; an archive of older jars would not map. */
  private boolean recordedForThisBuild(Path archive) {
    try {
      return Files.isRegularFile(archive)
          && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) > 0;
    } catch (IOException e) {
      return false;
    }
  }
}
