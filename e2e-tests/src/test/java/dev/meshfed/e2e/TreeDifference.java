package dev.meshfed.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** How two dumps of managed objects differ, file by file (one file per object). */
record TreeDifference(List<String> missing, List<String> extra, List<String> changed) {

  /** What {@code actual} lacks of {@code expected}, has beyond it, and has otherwise. */
  static TreeDifference of(Path expected, Path actual) {
    Set<String> want = files(expected);
    Set<String> have = files(actual);
    List<String> missing = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    for (String file : want) {
      if (!have.contains(file)) {
        missing.add(file);
      } else if (!read(expected.resolve(file)).equals(read(actual.resolve(file)))) {
        changed.add(file);
      }
    }
    List<String> extra = have.stream().filter(f -> !want.contains(f)).toList();
    return new TreeDifference(missing, extra, changed);
  }

  private static Set<String> files(Path root) {
    if (!Files.isDirectory(root)) {
      return Set.of();
    }
    try (Stream<Path> walk = Files.walk(root)) {
      Set<String> files = new TreeSet<>();
      walk.filter(Files::isRegularFile).forEach(f -> files.add(root.relativize(f).toString()));
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
