package dev.meshfed.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** The meshfed source tree: where the services' builds, the CRDs and the scenarios are. */
public record MeshfedHome(Path dir) {

  /** -Dmeshfed.home, else $MESHFED_HOME, else the first parent of the working dir with k8s/crds. */
  public static MeshfedHome locate() {
    String configured = System.getProperty("meshfed.home", System.getenv("MESHFED_HOME"));
    if (configured != null && !configured.isBlank()) {
      return new MeshfedHome(Path.of(configured).toAbsolutePath().normalize());
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("k8s/crds"))) {
        return new MeshfedHome(dir);
      }
    }
    throw new IllegalStateException("Cannot find the meshfed home: set MESHFED_HOME");
  }

  public Path serviceJar(String service) {
    return dir.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
  }

  public Path crds() {
    return dir.resolve("k8s/crds");
  }

  /** Where a running demo writes its broker's client properties. */
  public Path demoKafkaProperties() {
    return dir.resolve("target/demo/kafka.properties");
  }

  public Path defaultScenario() {
    return dir.resolve("scenarios/bookinfo");
  }
}
