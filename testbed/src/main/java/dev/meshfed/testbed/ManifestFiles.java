package dev.meshfed.testbed;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Kubernetes manifests in files, as fabric8's typed models: for tests of what k8s/ grants. */
public final class ManifestFiles {

  private ManifestFiles() {}

  /** The only object of that type in a (multi-document) YAML file. */
  public static <T extends HasMetadata> T one(Path file, Class<T> type) {
    List<T> found = read(file).stream().filter(type::isInstance).map(type::cast).toList();
    if (found.size() != 1) {
      throw new IllegalStateException(
          file + " holds " + found.size() + " " + type.getSimpleName() + ", not one");
    }
    return found.get(0);
  }

  private static List<HasMetadata> read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      Object objects = Serialization.unmarshal(in);
      return objects instanceof List<?> list
          ? list.stream().map(HasMetadata.class::cast).toList()
          : List.of((HasMetadata) objects);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }
}
