package dev.meshfed.cli.replay;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Writes replayed objects in the demo's dump layout, or as YAML documents. */
public final class ReplayOutput {

  private ReplayOutput() {}

  /**
   * Replaces {@code dir/<cluster>} with one file per object, as the demo's dump does.
   *
   * @return the number of files written
   */
  public static int writeDump(Path dir, String cluster, List<ReplayedObject> objects)
      throws IOException {
    Path clusterDir = dir.resolve(cluster).normalize();
    deleteRecursively(clusterDir);
    Map<Path, ReplayedObject> files = new LinkedHashMap<>();
    // Keys that differ only in apiVersion (v1 and v1beta1 of a kind, during an Istio upgrade)
    // name one object in the cluster and one file in the dump: the later record is the one the
    // distributor applied last.
    objects.stream()
        .sorted(Comparator.comparingLong(ReplayedObject::offset))
        .forEach(o -> files.put(clusterDir.resolve(o.pathInCluster()).normalize(), o));
    for (Map.Entry<Path, ReplayedObject> file : files.entrySet()) {
      if (!file.getKey().startsWith(clusterDir)) {
        throw new IllegalArgumentException(
            "cluster "
                + cluster
                + ": object "
                + file.getValue().pathInCluster()
                + " escapes "
                + clusterDir);
      }
      Files.createDirectories(file.getKey().getParent());
      Files.writeString(file.getKey(), file.getValue().yaml());
    }
    return files.size();
  }

  /** One YAML document per object, each preceded by a {@code # cluster: C} line. */
  public static void print(PrintStream out, List<ReplayedObject> objects) {
    for (ReplayedObject object : objects) {
      out.println("---");
      out.println("# cluster: " + object.cluster());
      out.print(object.yaml());
    }
    out.flush();
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
