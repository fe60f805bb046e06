package dev.meshfed.discovery;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The three layers: pure model, orchestration (sync), and I/O adapters with the wiring (io). */
@AnalyzeClasses(
    packages = "dev.meshfed.discovery",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  private static final String MODEL = "dev.meshfed.discovery.model..";
  private static final String SYNC = "dev.meshfed.discovery.sync..";
  private static final String IO = "dev.meshfed.discovery.io..";

  @ArchTest
  static final ArchRule modelUsesNoClientsAndNoInputOutput =
      noClasses()
          .that()
          .resideInAPackage(MODEL)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.fabric8.kubernetes.client..",
              "org.apache.kafka..",
              "java.io..",
              "java.net..",
              "java.nio..",
              "org.jboss.logging..",
              "io.quarkus..",
              "jakarta..");

  @ArchTest
  static final ArchRule modelReadsNoClock =
      noClasses()
          .that()
          .resideInAPackage(MODEL)
          .should()
          .dependOnClassesThat()
          .haveFullyQualifiedName("java.time.Clock")
          .orShould()
          .callMethodWhere(readsTheClock());

  @ArchTest
  static final ArchRule modelDependsOnNoOtherLayer =
      noClasses()
          .that()
          .resideInAPackage(MODEL)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(SYNC, IO);

  @ArchTest
  static final ArchRule syncUsesInterfacesNotAdapters =
      noClasses()
          .that()
          .resideInAPackage(SYNC)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              IO, "io.fabric8.kubernetes.client..", "org.apache.kafka..", "io.quarkus..");

  private static DescribedPredicate<JavaCall<?>> readsTheClock() {
    return DescribedPredicate.describe(
        "a now() of java.time or System.currentTimeMillis/nanoTime",
        call ->
            (call.getTargetOwner().getPackageName().equals("java.time")
                    && call.getName().equals("now"))
                || (call.getTargetOwner().isEquivalentTo(System.class)
                    && (call.getName().equals("currentTimeMillis")
                        || call.getName().equals("nanoTime"))));
  }
}
