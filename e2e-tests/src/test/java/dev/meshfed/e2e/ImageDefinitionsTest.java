package dev.meshfed.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Dockerfiles match what the build leaves behind: every file they copy exists in the module's
 * build output (this runs after the services are packaged), and each image runs as a non-root user.
 * No image is built here: these machines have no container engine.
 */
class ImageDefinitionsTest {

  private static final Map<String, String> DOCKERFILES =
      Map.of(
          "discovery-service", "src/main/docker/Dockerfile.jvm",
          "translation-service", "src/main/docker/Dockerfile.jvm",
          "distribution-service", "src/main/docker/Dockerfile.jvm",
          "cli", "src/main/docker/Dockerfile");

  @Test
  void everyCopiedPathIsInTheModulesBuildOutput() throws IOException {
    for (Map.Entry<String, String> image : DOCKERFILES.entrySet()) {
      Path context = Path.of("..").resolve(image.getKey());
      List<String> sources =
          instructions(context.resolve(image.getValue()), "COPY").stream()
              .map(args -> args.split("\\s+"))
              .map(words -> words[words.length - 2])
              .toList();
      assertThat(sources).as(image.getKey()).isNotEmpty();
      for (String source : sources) {
        assertThat(matches(context, source)).as(image.getKey() + ": COPY " + source).isTrue();
      }
    }
  }

  @Test
  void everyImageEndsAsANonRootUser() throws IOException {
    for (Map.Entry<String, String> image : DOCKERFILES.entrySet()) {
      List<String> users =
          instructions(Path.of("..").resolve(image.getKey()).resolve(image.getValue()), "USER");
      assertThat(users).as(image.getKey()).isNotEmpty();
      assertThat(users.get(users.size() - 1)).as(image.getKey()).isEqualTo("185");
    }
  }

  /** The arguments of each instruction of that name, in order. */
  private static List<String> instructions(Path dockerfile, String name) throws IOException {
    return Files.readAllLines(dockerfile).stream()
        .map(String::strip)
        .filter(line -> line.startsWith(name + " "))
        .map(line -> line.substring(name.length() + 1).strip())
        .toList();
  }

  /** Whether the path (its last part may be a glob, as {@code *.jar}) names something. */
  private static boolean matches(Path context, String source) throws IOException {
    Path path = context.resolve(source);
    String last = path.getFileName().toString();
    if (!last.contains("*")) {
      return Files.exists(path);
    }
    try (DirectoryStream<Path> found = Files.newDirectoryStream(path.getParent(), last)) {
      return found.iterator().hasNext();
    }
  }
}
