package dev.meshfed.lab.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The roster's bookkeeping, with processes that are never launched: none of them is alive. */
class ServiceRosterTest {

  @TempDir Path dir;

  private ServiceProcess process(String name) {
    Path jar = dir.resolve(name + ".jar");
    return new ServiceProcess(
        name, jar, Map.of(), dir.resolve(name + ".log"), List.of(), ClassDataArchive.startUp(jar));
  }

  @Test
  void aProcessMeantToRunThatIsNotAliveFailsTheCheck() {
    ServiceRoster roster = new ServiceRoster();
    roster.define("translation-service", process("translation-service"));

    assertThatThrownBy(roster::checkAlive)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("translation-service exited");
  }

  @Test
  void processesDefinedStoppedKilledOrStoppedAreNotExpectedAlive() {
    ServiceRoster roster = new ServiceRoster();
    ServiceProcess killed = process("discovery-service");
    ServiceProcess stopped = process("distribution-service");
    roster.define("discovery-service", killed);
    roster.define("distribution-service", stopped);
    roster.defineStopped("translation-service-2", process("translation-service-2"));

    roster.kill(killed);
    roster.stop(stopped);

    assertThatCode(roster::checkAlive).doesNotThrowAnyException();
    assertThat(roster.countNamed("translation-service")).isEqualTo(1);
    assertThat(roster.all())
        .containsOnlyKeys("discovery-service", "distribution-service", "translation-service-2");
  }

  @Test
  void stoppingAServiceOrADisturbanceMovesTheSettleClock() {
    ServiceRoster roster = new ServiceRoster();
    ServiceProcess service = process("discovery-service");
    roster.define("discovery-service", service);

    long before = roster.disturbedAt();
    clockPasses(before);
    roster.stop(service);
    long stopped = roster.disturbedAt();
    clockPasses(stopped);
    roster.disturbed();

    assertThat(stopped).isGreaterThan(before);
    assertThat(roster.disturbedAt()).isGreaterThan(stopped);
  }

  /** A coarse clock could read the same twice in a row. */
  private static void clockPasses(long nanos) {
    while (System.nanoTime() == nanos) {
      Thread.onSpinWait();
    }
  }

  @Test
  void anUnknownNameSaysWhichThereAre() {
    ServiceRoster roster = new ServiceRoster();
    roster.define("translation-service", process("translation-service"));

    assertThatThrownBy(() -> roster.get("discovery-service/cluster1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[translation-service]");
  }
}
