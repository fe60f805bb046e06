package dev.meshfed.translation;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.meshfed.schema.DiscoveredKinds;

/**
 * The pure layer: the model and the translators know nothing of the wire format; the records
 * package converts between the two; none of it does I/O or reads a clock.
 */
@AnalyzeClasses(
    packages = "dev.meshfed.translation",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule translatorsKnowNoWireFormat =
      noClasses()
          .that()
          .resideInAnyPackage("..translation.model..", "..translation.translate..")
          .should()
          .dependOnClassesThat(
              resideInAPackage("dev.meshfed.schema..")
                  .and(not(type(DiscoveredKinds.class)))
                  .as("the wire format (only its kind names are shared)"))
          .orShould()
          .dependOnClassesThat()
          .resideInAPackage("..translation.records..");

  @ArchTest
  static final ArchRule coreDoesNoIo =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.apache.kafka..",
              "io.fabric8.kubernetes.client..",
              "java.io..",
              "java.net..",
              "java.nio.file..",
              "jakarta..",
              "io.quarkus..");

  @ArchTest
  static final ArchRule coreReadsNoClock =
      noClasses()
          .should()
          .callMethod(java.time.Instant.class, "now")
          .orShould()
          .callMethod(System.class, "currentTimeMillis")
          .orShould()
          .dependOnClassesThat()
          .areAssignableTo(java.time.Clock.class);
}
