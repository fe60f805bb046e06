package dev.meshfed.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Compares a dump tree with its golden copy; {@code -Dgolden.update=true} rewrites the copy. */
final class DumpComparison {

  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  private DumpComparison() {}

  static void assertSameTree(Path actual, Path expected) throws IOException {
    if (UPDATE) {
      replace(expected, actual);
    }
    assertSameTreeWithoutUpdating(actual, expected);
  }

  /** For trees that must match a golden copy some other test owns. */
  static void assertSameTreeWithoutUpdating(Path actual, Path expected) throws IOException {
    assertThat(files(actual)).as("files of %s", actual).isEqualTo(files(expected));
    for (Path file : files(expected)) {
      assertThat(Files.readString(actual.resolve(file)))
          .as("%s", file)
          .isEqualTo(Files.readString(expected.resolve(file)));
    }
  }

  private static List<Path> files(Path root) throws IOException {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
    }
  }

  private static void replace(Path target, Path source) throws IOException {
    if (Files.exists(target)) {
      try (Stream<Path> walk = Files.walk(target)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    for (Path file : files(source)) {
      Files.createDirectories(target.resolve(file).getParent());
      Files.copy(source.resolve(file), target.resolve(file));
    }
  }
}
