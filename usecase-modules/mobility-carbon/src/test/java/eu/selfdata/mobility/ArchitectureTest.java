package eu.selfdata.mobility;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureTest {

    private final JavaClasses module = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("eu.selfdata.mobility");

    @Test
    void theModuleReachesThePlatformThroughUsecaseApiOnly() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("eu.selfdata.tenant..", "eu.selfdata.identity..")
                .check(module);
    }

    @Test
    void parsingSegmentationAndCarbonRulesKnowNeitherTheWebNorTheDatabase() {
        noClasses().that().haveSimpleNameNotEndingWith("Controller")
                .and().resideInAnyPackage("eu.selfdata.mobility.trace..", "eu.selfdata.mobility.trip..", "eu.selfdata.mobility.budget..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "org.springframework.http..")
                .check(module);
    }

    @Test
    void parsersAndSegmentationAreFreeOfSpring() {
        noClasses().that().haveSimpleNameEndingWith("Reader").or().haveSimpleName("Segmenter").or().haveSimpleName("Steps")
                .or().haveSimpleName("CarbonBudget").or().haveSimpleName("SpeedModeRules")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..").check(module);
    }
}
