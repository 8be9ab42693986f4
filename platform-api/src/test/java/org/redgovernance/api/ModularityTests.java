package org.redgovernance.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps features apart, and the generated jOOQ types inside repositories. */
class ModularityTests {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.redgovernance.api");

  @Test
  void generatedJooqTypes_stayInRepositoriesAndTheTenancyAndAuditPlumbing() {
    noClasses()
        .that()
        .haveSimpleNameNotEndingWith("Repository")
        .and()
        .doNotHaveSimpleName("CommunityDirectory")
        .and()
        .doNotHaveSimpleName("AuditLog")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.redgovernance.database.jooq..")
        .check(CLASSES);
  }

  @Test
  void crossCuttingPackages_doNotDependOnFeatures() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "org.redgovernance.api.security..",
            "org.redgovernance.api.tenancy..",
            "org.redgovernance.api.graphql..",
            "org.redgovernance.api.audit..",
            "org.redgovernance.api.events..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.redgovernance.api.viewer..",
            "org.redgovernance.api.communities..",
            "org.redgovernance.api.notices..",
            "org.redgovernance.api.roster..",
            "org.redgovernance.api.bodies..",
            "org.redgovernance.api.venues..",
            "org.redgovernance.api.matters..")
        .check(CLASSES);
  }

  @Test
  void matters_readPeoplePlacesAndBodiesOnlyThroughThePublishedCards() {
    noClasses()
        .that()
        .resideInAPackage("org.redgovernance.api.matters..")
        .should()
        .dependOnClassesThat(
            com.tngtech.archunit.base.DescribedPredicate.describe(
                "generated tables other than the matter tables and the published cards",
                c ->
                    c.getPackageName().startsWith("org.redgovernance.database.jooq.tables")
                        && !c.getSimpleName().startsWith("Matter")
                        && !c.getSimpleName().replace("Record", "").endsWith("Card")))
        .check(CLASSES);
  }

  @Test
  void features_useOtherFeaturesOnlyThroughTheCommunityType() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "org.redgovernance.api.viewer..",
            "org.redgovernance.api.notices..",
            "org.redgovernance.api.roster..",
            "org.redgovernance.api.bodies..",
            "org.redgovernance.api.venues..",
            "org.redgovernance.api.matters..")
        .should()
        .dependOnClassesThat(
            com.tngtech.archunit.base.DescribedPredicate.describe(
                "feature internals other than communities.Community",
                c ->
                    (c.getPackageName().startsWith("org.redgovernance.api.communities")
                            && !c.getSimpleName().equals("Community")
                            && !c.getName().endsWith("Community$Street"))
                        || (c.getPackageName().startsWith("org.redgovernance.api.notices")
                            && !c.getPackageName().startsWith("org.redgovernance.api.notices"))))
        .check(CLASSES);
    noClasses()
        .that()
        .resideInAnyPackage("org.redgovernance.api.communities..", "org.redgovernance.api.viewer..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.redgovernance.api.notices..")
        .check(CLASSES);
  }

  @Test
  void onlyTenancy_setsTheTenantContext() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.redgovernance.api.tenancy..")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("org.redgovernance.database.TenantContext")
        .check(CLASSES);
  }
}
