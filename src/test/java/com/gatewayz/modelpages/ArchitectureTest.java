package com.gatewayz.modelpages;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * DESIGN's dependency rule: webhook, gateway, pages, edge, popularity → isr, catalog → platform;
 * the HTTP API sits on the features it exposes (and on admin, whose guard checks its admin
 * endpoints), health and metrics (ops) on isr and platform, the live feed on the catalog; boot (the
 * composition root) on top of everything.
 */
class ArchitectureTest {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("com.gatewayz.modelpages");

  @Test
  void dependenciesPointOneWay() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("Boot")
        .definedBy("..modelpages.boot..")
        .layer("Api")
        .definedBy("..modelpages.api..")
        .layer("Admin")
        .definedBy("..modelpages.admin..")
        .layer("Ops")
        .definedBy("..modelpages.ops..")
        .layer("Live")
        .definedBy("..modelpages.live..")
        .layer("Features")
        .definedBy(
            "..modelpages.webhook..",
            "..modelpages.gateway..",
            "..modelpages.pages..",
            "..modelpages.edge..",
            "..modelpages.popularity..")
        .layer("Core")
        .definedBy("..modelpages.isr..", "..modelpages.catalog..")
        .layer("Platform")
        .definedBy("..modelpages.platform..")
        .whereLayer("Boot")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("Api")
        .mayOnlyBeAccessedByLayers("Boot")
        .whereLayer("Admin")
        .mayOnlyBeAccessedByLayers("Api", "Boot")
        .whereLayer("Ops")
        .mayOnlyBeAccessedByLayers("Boot")
        .whereLayer("Live")
        .mayOnlyBeAccessedByLayers("Boot")
        .whereLayer("Features")
        .mayOnlyBeAccessedByLayers("Api", "Admin", "Boot")
        .whereLayer("Core")
        .mayOnlyBeAccessedByLayers("Api", "Admin", "Ops", "Live", "Features", "Boot")
        .check(CLASSES);
  }

  @Test
  void theCacheKnowsNothingOfModels() {
    noClasses()
        .that()
        .resideInAPackage("..modelpages.isr..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("..modelpages.catalog..")
        .check(CLASSES);
  }

  @Test
  void theCatalogDependsOnlyOnPlatform() {
    noClasses()
        .that()
        .resideInAPackage("..modelpages.catalog..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("..modelpages.isr..", "..modelpages.boot..")
        .check(CLASSES);
  }

  @Test
  void theLiveFeedDependsOnlyOnTheCatalogAndPlatform() {
    noClasses()
        .that()
        .resideInAPackage("..modelpages.live..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "..modelpages.api..",
            "..modelpages.isr..",
            "..modelpages.webhook..",
            "..modelpages.gateway..",
            "..modelpages.pages..",
            "..modelpages.boot..")
        .check(CLASSES);
  }

  @Test
  void featuresDoNotReachIntoEachOther() {
    slices()
        .matching("com.gatewayz.modelpages.(webhook|gateway|pages|edge|popularity)..")
        .should()
        .notDependOnEachOther()
        .check(CLASSES);
  }

  @Test
  void noPackageCycles() {
    slices().matching("com.gatewayz.modelpages.(**)").should().beFreeOfCycles().check(CLASSES);
  }

  @Test
  void noFeatureReachesIntoAnotherFeaturesInternals() {
    for (String feature :
        new String[] {
          "api",
          "admin",
          "ops",
          "live",
          "webhook",
          "gateway",
          "pages",
          "edge",
          "popularity",
          "isr",
          "catalog",
          "platform"
        }) {
      noClasses()
          .that()
          .resideOutsideOfPackage("..modelpages." + feature + "..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("..modelpages." + feature + ".internal..")
          .allowEmptyShould(true)
          .check(CLASSES);
    }
  }
}
