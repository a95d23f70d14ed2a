package eu.selfdata.mobility;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Rules keyed on packages, so they cover classes not yet written. The root package is the module's
 * composition root (its configuration, its SPI entry and its problem handler) and sees everything.
 */
class ArchitectureTest {

    private final JavaClasses module = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("eu.selfdata.mobility");

    @Test
    void theModuleReachesThePlatformThroughUsecaseApiOnly() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("eu.selfdata.tenant..", "eu.selfdata.identity..")
                .check(module);
    }

    @Test
    void featurePackagesAreFreeOfCycles() {
        slices().matching("eu.selfdata.mobility.(*)..")
                .should()
                .beFreeOfCycles()
                .check(module);
    }

    /** Segmentation (trip) and the factor and budget arithmetic are pure: a change of framework or schema leaves them alone. */
    @Test
    void segmentationIsFreeOfSpringAndTheDatabase() {
        noClasses()
                .that()
                .resideInAPackage("eu.selfdata.mobility.trip..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "java.sql..", "eu.selfdata.usecase.api..")
                .check(module);
    }

    @Test
    void parsingAndCarbonRulesKnowNeitherTheWebNorTheDatabase() {
        noClasses()
                .that()
                .haveSimpleNameNotEndingWith("Controller")
                .and()
                .resideInAnyPackage(
                        "eu.selfdata.mobility.trace..",
                        "eu.selfdata.mobility.budget..",
                        "eu.selfdata.mobility.carbon..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework.web..", "org.springframework.http..")
                .check(module);
    }

    @Test
    void parsersAndBudgetArithmeticAreFreeOfSpring() {
        noClasses()
                .that()
                .haveSimpleNameEndingWith("Reader")
                .or()
                .haveSimpleName("CarbonBudget")
                .or()
                .haveSimpleName("FactorSet")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..")
                .check(module);
    }
}
