package eu.selfdata.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The gateway's arrows, keyed on packages (docs/architecture.md, "Code rules"): features free of
 * cycles; problems and header hygiene know no feature; a reactive process that never blocks on a
 * servlet, a database or a blocking HTTP client.
 */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("eu.selfdata.gateway");

    @Test
    void featuresAreFreeOfCycles() {
        slices().matching("eu.selfdata.gateway.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void problemsAndHeaderHygieneKnowNoFeature() {
        noClasses()
                .that()
                .resideInAnyPackage("..gateway.problem..", "..gateway.security..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..gateway.identity..", "..gateway.tenancy..", "..gateway.routing..")
                .check(classes);
    }

    @Test
    void nothingBlocksTheEventLoop() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "jakarta.servlet..",
                        "org.springframework.web.servlet..",
                        "java.sql..",
                        "org.springframework.jdbc..",
                        "org.springframework.web.client..",
                        "java.net.http..")
                // the platform contract's servlet pieces (filter, problem writer) are for the services
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("eu.selfdata.identity.WrongCityFilter")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("eu.selfdata.contract.problem.ProblemResponses")
                .check(classes);
    }
}
