package dev.meshfed.translation;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The service's two layers over translation-core (the pure one): orchestration (topology) and I/O
 * adapters (io).
 */
@AnalyzeClasses(
    packages = "dev.meshfed.translation",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule orchestrationDoesNotReachIntoAdapters =
      noClasses()
          .that()
          .resideInAPackage("..translation.topology..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("..translation.io..", "jakarta..", "io.quarkus..");

  @ArchTest
  static final ArchRule orchestrationReadsNoClock =
      noClasses()
          .that()
          .resideInAPackage("..translation.topology..")
          .should()
          .callMethod(java.time.Instant.class, "now")
          .orShould()
          .callMethod(System.class, "currentTimeMillis");
}
