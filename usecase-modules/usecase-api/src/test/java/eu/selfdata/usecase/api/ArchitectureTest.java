package eu.selfdata.usecase.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The SPI between the host and its modules and connectors: free of cycles, and knowing neither side. */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("eu.selfdata.usecase.api");

    @Test
    void itsPackagesAreFreeOfCycles() {
        slices().matching("eu.selfdata.usecase.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void itKnowsNoHostNoModuleNoConnectorAndNoCamel() {
        noClasses()
                .that()
                .resideInAPackage("eu.selfdata.usecase.api..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "eu.selfdata.tenant..",
                        "eu.selfdata.connectors..",
                        "eu.selfdata.waste..",
                        "eu.selfdata.mobility..",
                        "org.apache.camel..")
                .check(classes);
    }
}
