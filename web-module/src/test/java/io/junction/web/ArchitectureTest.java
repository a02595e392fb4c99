package io.junction.web;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The rules between the modules, checked on the compiled classes of all three: the connector
 * contract depends on nothing of ours, the web layer reaches providers only through the contract
 * and the registry, and providers know nothing of the web layer.
 */
@AnalyzeClasses(packages = "io.junction", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule apiDependsOnNothingOfOurs =
      noClasses()
          .that()
          .resideInAPackage("io.junction.api..")
          .should()
          .dependOnClassesThat(
              resideInAPackage("io.junction..").and(resideOutsideOfPackage("io.junction.api..")))
          .because("the connector contract is what every other module builds on");

  @ArchTest
  static final ArchRule webReachesProvidersOnlyThroughTheContractAndTheRegistry =
      noClasses()
          .that()
          .resideInAPackage("io.junction.web..")
          .should()
          .dependOnClassesThat(
              resideInAPackage("io.junction.provider..")
                  .and(not(resideInAPackage("io.junction.provider"))))
          .because(
              "the web layer uses io.junction.api, the registry (io.junction.provider"
                  + ".ProviderCatalog) and the address rule (io.junction.provider"
                  + ".PublicAddresses), never a connector or the connectors' shared support");

  @ArchTest
  static final ArchRule providersKnowNothingOfTheWebLayer =
      noClasses()
          .that()
          .resideInAPackage("io.junction.provider..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.junction.web..")
          .because("a connector serves whichever layer calls it");
}
