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
    // A feature's ...Models (its read-model declarations) and ...Json classes describe its types
    // as SQL that writes them: they sit beside its repository and are as much SQL as it is.
    noClasses()
        .that()
        .haveSimpleNameNotEndingWith("Repository")
        .and()
        .haveSimpleNameNotEndingWith("Json")
        .and()
        .haveSimpleNameNotEndingWith("Models")
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
            "org.redgovernance.api.readmodel..",
            "org.redgovernance.api.limits..",
            "org.redgovernance.api.audit..",
            "org.redgovernance.api.attachments..",
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
            "org.redgovernance.api.matters..",
            "org.redgovernance.api.meetings..",
            "org.redgovernance.api.invitations..",
            "org.redgovernance.api.notifications..",
            "org.redgovernance.api.metrics..",
            "org.redgovernance.api.surveys..",
            "org.redgovernance.api.rollout..")
        .check(CLASSES);
  }

  /** Meetings decide on matters through MatterSteps; matters know nothing of meetings. */
  @Test
  void meetingsMoveMattersOnlyThroughTheirSteps() {
    noClasses()
        .that()
        .resideInAPackage("org.redgovernance.api.matters..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.redgovernance.api.meetings..")
        .check(CLASSES);
    noClasses()
        .that()
        .resideInAPackage("org.redgovernance.api.meetings..")
        .should()
        .dependOnClassesThat(
            com.tngtech.archunit.base.DescribedPredicate.describe(
                "matters classes other than MatterSteps",
                c ->
                    c.getPackageName().startsWith("org.redgovernance.api.matters")
                        && !c.getSimpleName().equals("MatterSteps")))
        .check(CLASSES);
  }

  private static final java.util.List<String> FEATURES =
      java.util.List.of(
          "org.redgovernance.api.viewer",
          "org.redgovernance.api.communities",
          "org.redgovernance.api.notices",
          "org.redgovernance.api.roster",
          "org.redgovernance.api.bodies",
          "org.redgovernance.api.venues",
          "org.redgovernance.api.matters",
          "org.redgovernance.api.meetings",
          "org.redgovernance.api.invitations",
          "org.redgovernance.api.notifications",
          "org.redgovernance.api.metrics",
          "org.redgovernance.api.surveys",
          "org.redgovernance.api.rollout");

  @Test
  void mattersAndMeetings_readPeoplePlacesAndBodiesOnlyThroughThePublishedCards() {
    noClasses()
        .that()
        .resideInAnyPackage("org.redgovernance.api.matters..", "org.redgovernance.api.meetings..")
        .should()
        .dependOnClassesThat(
            com.tngtech.archunit.base.DescribedPredicate.describe(
                "generated tables of other features than the published cards",
                c ->
                    c.getPackageName().startsWith("org.redgovernance.database.jooq.tables")
                        && !c.getSimpleName().replace("Record", "").endsWith("Card")
                        && !java.util.List.of(
                                // the row of the Community type, which features extend
                                "Community",
                                "Matter",
                                "MatterEvent",
                                "MatterSupport",
                                "MatterComment",
                                "MatterSubcategory",
                                "MatterAttachment",
                                "Meeting",
                                "MeetingSeries",
                                "MeetingInvitation",
                                "AgendaItem",
                                "Attendance",
                                "ActionItem")
                            .contains(c.getSimpleName().replace("Record", ""))))
        .check(CLASSES);
  }

  /**
   * What a feature publishes to the others: the community type and the read-model refs of types
   * others add fields to (communities, the roster's residents and party members), posting to the
   * notice board, a matter's workflow steps for the meetings that decide on them, and the one entry
   * point of notifications with what a feature declares to it (its intents, the audiences of its
   * objects, a channel's adapter, the addresses a feature holds), and what the metrics let others
   * read of them (a metric to point at, a community's value, whether it meets a target).
   */
  private static final java.util.Set<String> PUBLISHED =
      java.util.Set.of(
          "org.redgovernance.api.communities.Community",
          "org.redgovernance.api.communities.Community$Street",
          "org.redgovernance.api.communities.CommunityModels",
          "org.redgovernance.api.roster.RosterModels",
          "org.redgovernance.api.notices.NoticeBoard",
          "org.redgovernance.api.matters.MatterSteps",
          "org.redgovernance.api.notifications.Notifications",
          "org.redgovernance.api.notifications.NotificationIntent",
          "org.redgovernance.api.notifications.NotificationCategory",
          "org.redgovernance.api.notifications.NotificationSubject",
          "org.redgovernance.api.notifications.NotificationSubject$Audience",
          "org.redgovernance.api.notifications.NotificationSubject$Values",
          "org.redgovernance.api.notifications.RecipientRepository",
          "org.redgovernance.api.notifications.Reminders",
          "org.redgovernance.api.notifications.NotificationChannel",
          "org.redgovernance.api.notifications.ChannelAdapter",
          "org.redgovernance.api.notifications.ChannelAdapter$Message",
          "org.redgovernance.api.notifications.DeliveryFailure",
          "org.redgovernance.api.notifications.AddressBook",
          "org.redgovernance.api.metrics.MetricSource",
          "org.redgovernance.api.metrics.MetricReadingModels");

  @Test
  void features_useEachOtherOnlyThroughWhatTheyPublish() {
    for (String feature : FEATURES) {
      noClasses()
          .that()
          .resideInAPackage(feature + "..")
          .should()
          .dependOnClassesThat(
              com.tngtech.archunit.base.DescribedPredicate.describe(
                  "another feature's classes it does not publish",
                  c ->
                      FEATURES.stream()
                              .filter(other -> !other.equals(feature))
                              .anyMatch(other -> inPackage(c.getPackageName(), other))
                          && !PUBLISHED.contains(c.getName())))
          .check(CLASSES);
    }
  }

  private static boolean inPackage(String name, String feature) {
    return name.equals(feature) || name.startsWith(feature + ".");
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
