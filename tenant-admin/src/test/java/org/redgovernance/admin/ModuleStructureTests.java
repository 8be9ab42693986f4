package org.redgovernance.admin;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The packages under {@code org.redgovernance.admin} as Spring Modulith sees them: each is a module
 * (onboarding, lifecycle, erasure, …), without cycles, each using only the others' public types.
 * The build writes the modules' documentation to {@code target/spring-modulith-docs}.
 */
class ModuleStructureTests {

  private static final ApplicationModules MODULES =
      ApplicationModules.of(TenantAdminApplication.class);

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
