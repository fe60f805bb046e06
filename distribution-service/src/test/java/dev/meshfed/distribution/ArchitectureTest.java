package dev.meshfed.distribution;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** The house layering: pure model, orchestration on small interfaces, I/O adapters at the edge. */
class ArchitectureTest {

  private static final String MODEL = "dev.meshfed.distribution.model..";
  private static final String APPLY = "dev.meshfed.distribution.apply..";
  private static final String IO = "dev.meshfed.distribution.io..";
  private static final String FABRIC8_CLIENT = "io.fabric8.kubernetes.client..";
  private static final String KAFKA = "org.apache.kafka..";

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.meshfed.distribution");

  @Test
  void layersOnlyDependInwards() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("model")
        .definedBy(MODEL)
        .layer("apply")
        .definedBy(APPLY)
        .layer("io")
        .definedBy(IO)
        .whereLayer("io")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("apply")
        .mayOnlyBeAccessedByLayers("io")
        .whereLayer("model")
        .mayOnlyBeAccessedByLayers("apply", "io")
        .check(CLASSES);
  }

  @Test
  void theModelDoesNoIo() {
    noClasses()
        .that()
        .resideInAPackage(MODEL)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            FABRIC8_CLIENT,
            KAFKA,
            "java.io..",
            "java.nio..",
            "java.net..",
            "java.util.concurrent..",
            "org.jboss.logging..")
        .because("the model is pure bookkeeping and decisions")
        .check(CLASSES);
  }

  @Test
  void theModelReadsNoClock() {
    noClasses()
        .that()
        .resideInAPackage(MODEL)
        .should()
        .dependOnClassesThat()
        .belongToAnyOf(
            Clock.class,
            Instant.class,
            LocalDateTime.class,
            OffsetDateTime.class,
            ZonedDateTime.class)
        .orShould()
        .callMethod(System.class, "currentTimeMillis")
        .orShould()
        .callMethod(System.class, "nanoTime")
        .check(CLASSES);
  }

  @Test
  void orchestrationKnowsNeitherTheKubernetesClientNorKafka() {
    noClasses()
        .that()
        .resideInAPackage(APPLY)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(IO, FABRIC8_CLIENT, KAFKA)
        .because("the apply loop depends on small interfaces that the io adapters implement")
        .check(CLASSES);
  }
}
