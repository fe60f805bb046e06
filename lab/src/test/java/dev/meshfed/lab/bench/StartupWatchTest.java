package dev.meshfed.lab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupWatchTest {

  @TempDir Path dir;

  @Test
  void everyServiceHasStartedOnlyOnceEachLogSaysSo() throws Exception {
    Path translation = dir.resolve("translation.log");
    Path distribution = dir.resolve("distribution.log");
    Files.writeString(
        translation,
        "INFO  [io.quarkus] (main) translation-service 0.1.0 on JVM (powered by Quarkus 3.34.2)"
            + " started in 2.670s.\n");
    StartupWatch watch =
        new StartupWatch(
            Map.of("translation", translation, "distribution", distribution), System.nanoTime());

    watch.check();
    assertThat(watch.allStarted()).isEmpty();

    Files.writeString(
        distribution,
        "06:10:33.961 INFO  [i.quarkus] (main) distribution-service 0.1.0 on JVM (powered by"
            + " Quarkus 3.34.2) started in 8.810s.\n");
    watch.check();
    assertThat(watch.allStarted()).isPresent();
  }
}
