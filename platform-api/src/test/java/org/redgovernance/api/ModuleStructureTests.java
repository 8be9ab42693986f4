package org.redgovernance.api;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The packages under {@code org.redgovernance.api} as Spring Modulith sees them: each is a module
 * (a feature, or a cross-cutting part such as {@code tenancy}, {@code readmodel}, {@code limits});
 * they depend on each other without cycles and only on each other's public types. The build writes
 * the modules' documentation (diagrams and canvases) to {@code target/spring-modulith-docs}.
 */
class ModuleStructureTests {

  private static final ApplicationModules MODULES =
      ApplicationModules.of(PlatformApiApplication.class);

  @Test
  void modules_haveNoCycles_andUseOnlyEachOthersPublishedTypes() {
    MODULES.verify();
  }

  @Test
  void theModulesDocumentation_isWrittenByTheBuild() {
    new Documenter(MODULES)
        .writeModulesAsPlantUml()
        .writeIndividualModulesAsPlantUml()
        .writeModuleCanvases();
  }
}
