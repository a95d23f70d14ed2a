package eu.selfdata.waste;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The module reaches the platform through the SPI and the connector framework only. */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("eu.selfdata.waste", "eu.selfdata.connectors");

    @Test
    void theWasteModuleNeverReachesIntoTenantService() {
        noClasses().that().resideInAPackage("eu.selfdata.waste..")
                .should().dependOnClassesThat().resideInAPackage("eu.selfdata.tenant..")
                .check(classes);
    }

    @Test
    void theConnectorFrameworkKnowsNoModuleAndNoHost() {
        noClasses().that().resideInAPackage("eu.selfdata.connectors..")
                .should().dependOnClassesThat().resideInAnyPackage("eu.selfdata.waste..", "eu.selfdata.tenant..")
                .check(classes);
    }
}
