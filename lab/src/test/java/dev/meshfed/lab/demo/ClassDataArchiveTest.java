package dev.meshfed.lab.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDataArchiveTest {

  private static final Instant BUILT = Instant.parse("2026-12-07T00:00:00Z");

  @TempDir Path dir;
  private Path jar;

  @BeforeEach
  void build() throws Exception {
    jar = Files.writeString(dir.resolve("quarkus-run.jar"), "jar");
    Files.writeString(dir.resolve(ClassDataArchive.START_UP), "start-up classes");
    Files.setLastModifiedTime(jar, FileTime.from(BUILT));
  }

  @Test
  void testsAndTheBenchMapQuarkusStartUpArchive() {
    assertThat(ClassDataArchive.startUp(jar).jvmOptions())
        .containsExactly("-XX:SharedArchiveFile=" + dir.resolve("app-cds.jsa"));
  }

  @Test
  void withoutAnyArchiveTheJvmLoadsClassesItself() throws Exception {
    Files.delete(dir.resolve(ClassDataArchive.START_UP));

    assertThat(ClassDataArchive.startUp(jar).jvmOptions()).isEmpty();
  }

  @Test
  void theFirstDemoAfterABuildRecordsAndKeepsWhatTheJvmWroteAsItExited() throws Exception {
    ClassDataArchive archive = ClassDataArchive.wholeRun(jar);

    Path recording = recordingIn(archive.jvmOptions());
    Files.writeString(recording, "every class of the run");
    archive.exited(true);

    assertThat(recording).doesNotExist();
    assertThat(dir.resolve(ClassDataArchive.WHOLE_RUN)).hasContent("every class of the run");
    assertThat(archive.jvmOptions())
        .containsExactly("-XX:SharedArchiveFile=" + dir.resolve("run-cds.jsa"));
  }

  @Test
  void aRecordingCutShortByAKillIsDropped() throws Exception {
    ClassDataArchive archive = ClassDataArchive.wholeRun(jar);

    Path recording = recordingIn(archive.jvmOptions());
    Files.writeString(recording, "half an archive");
    archive.exited(false);

    assertThat(recording).doesNotExist();
    assertThat(dir.resolve(ClassDataArchive.WHOLE_RUN)).doesNotExist();
  }

  @Test
  void anArchiveOfAnEarlierBuildIsRecordedAgain() throws Exception {
    Path stale = Files.writeString(dir.resolve(ClassDataArchive.WHOLE_RUN), "older classes");
    Files.setLastModifiedTime(stale, FileTime.from(BUILT.minusSeconds(60)));

    assertThat(ClassDataArchive.wholeRun(jar).jvmOptions())
        .anySatisfy(option -> assertThat(option).startsWith("-XX:ArchiveClassesAtExit="));
  }

  @Test
  void aServiceThatNeverStartedLeavesTheArchiveAsItWas() throws Exception {
    Path kept = Files.writeString(dir.resolve(ClassDataArchive.WHOLE_RUN), "classes");

    ClassDataArchive.wholeRun(jar).exited(true);

    assertThat(kept).hasContent("classes");
  }

  private Path recordingIn(List<String> options) {
    String prefix = "-XX:ArchiveClassesAtExit=";
    assertThat(options).anySatisfy(option -> assertThat(option).startsWith(prefix));
    Path recording =
        Path.of(
            options.stream()
                .filter(o -> o.startsWith(prefix))
                .findFirst()
                .orElseThrow()
                .substring(prefix.length()));
    assertThat(recording.getParent()).isEqualTo(dir);
    assertThat(recording.getFileName().toString()).isNotEqualTo(ClassDataArchive.WHOLE_RUN);
    return recording;
  }
}
