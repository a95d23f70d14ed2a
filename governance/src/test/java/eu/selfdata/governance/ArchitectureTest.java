package eu.selfdata.governance;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("eu.selfdata.governance");

    @Test
    void theAllocationRulesKnowNoSpringNoDatabaseNoWeb() {
        noClasses().that().haveSimpleNameStartingWith("Allocat").or().haveSimpleName("KeyWeights").or().haveSimpleName("Claimant")
                .or().haveSimpleName("Tally").or().haveSimpleName("VotingRule")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..", "jakarta.servlet..")
                .check(classes);
    }

    @Test
    void onlyTheTenantServiceClientTalksHttpToOtherServices() {
        noClasses().that().resideOutsideOfPackage("..tenantservice..")
                .should().dependOnClassesThat().haveSimpleName("RestClient")
                .check(classes);
    }

    @Test
    void featuresDoNotReachIntoTheWebFiltersOfAccess() {
        noClasses().that().resideOutsideOfPackage("..access..")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Filter")
                .check(classes);
    }
}
