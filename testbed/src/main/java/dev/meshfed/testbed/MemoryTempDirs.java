package dev.meshfed.testbed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDirFactory;

/**
 * Tests' temporary directories in memory ({@code /dev/shm}) where the machine has it, on the disk
 * otherwise. Kafka Streams' test driver flushes every RocksDB store after every record, and each
 * flush syncs files to disk: on this project's disk that made the longest topology test take 76 s
 * instead of 21, and the syncs prove nothing a test asserts. A module opts in with {@code
 * junit.jupiter.tempdir.factory.default} among its test configuration parameters; JUnit deletes the
 * directories as ever.
 */
public final class MemoryTempDirs implements TempDirFactory {

  private static final Path MEMORY = Path.of("/dev/shm");

  @Override
  public Path createTempDirectory(
      AnnotatedElementContext elementContext, ExtensionContext extensionContext)
      throws IOException {
    return Files.isDirectory(MEMORY) && Files.isWritable(MEMORY)
        ? Files.createTempDirectory(MEMORY, "meshfed-test-")
        : Files.createTempDirectory("meshfed-test-");
  }
}
