package eu.selfdata.energywater;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Rules keyed on packages, so that they hold for classes not yet written: the module knows the platform through
 * the SPI only, its features have no cycles, the supplier-file readers are plain Java (a connector reuses them
 * outside any request), and only services touch the database.
 */
class ArchitectureTest {

    private final JavaClasses module = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("eu.selfdata.energywater");

    @Test
    void theModuleKnowsThePlatformThroughItsSpiOnly() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("eu.selfdata.tenant..", "eu.selfdata.identity..", "eu.selfdata.waste..")
                .check(module);
    }

    @Test
    void featuresDependOnEachOtherWithoutCycles() {
        slices().matching("eu.selfdata.energywater.(*)..")
                .should()
                .beFreeOfCycles()
                .check(module);
    }

    @Test
    void supplierFileReadersAreFreeOfSpringTheDatabaseAndTheHost() {
        noClasses()
                .that()
                .resideInAPackage("eu.selfdata.energywater.reading..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "java.sql..", "eu.selfdata.usecase.api..")
                .check(module);
    }

    @Test
    void onlyServicesTouchTheDatabase() {
        noClasses()
                .that()
                .haveSimpleNameEndingWith("Controller")
                .or()
                .haveSimpleNameEndingWith("Page")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework.jdbc..", "java.sql..")
                .check(module);
    }
}
