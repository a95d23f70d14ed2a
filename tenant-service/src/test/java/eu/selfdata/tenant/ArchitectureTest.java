package eu.selfdata.tenant;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The arrows between features that keep tenant isolation reviewable. */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("eu.selfdata.tenant", "eu.selfdata.usecase");

    @Test
    void nothingBelowTenancyKnowsTheWeb() {
        noClasses().that().resideInAPackage("..tenancy..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "jakarta.servlet..", "org.springframework.http..")
                .check(classes);
    }

    @Test
    void tenancyDependsOnNoFeature() {
        noClasses().that().resideInAPackage("..tenancy..")
                .should().dependOnClassesThat().resideInAnyPackage("..registry..", "..onboarding..", "..offboarding..",
                        "..access..", "..portal..", "..announcement..")
                .check(classes);
    }

    @Test
    void theRegistryDoesNotKnowOnboardingOrTheWebFilters() {
        noClasses().that().resideInAPackage("..registry..")
                .should().dependOnClassesThat().resideInAnyPackage("..onboarding..", "..offboarding..", "..access..", "..portal..")
                .check(classes);
    }

    @Test
    void useCaseModulesKnowTheirSpiAndNeverTheTenantServiceInternals() {
        noClasses().that().resideInAPackage("eu.selfdata.usecase..")
                .should().dependOnClassesThat().resideInAPackage("eu.selfdata.tenant..")
                .check(classes);
    }

    @Test
    void theSelfDataCoreWorksThroughTheCityDatabaseNotTheWebFilters() {
        noClasses().that().resideInAnyPackage("..citizen..", "..consent..", "..accesslog..", "..personaldata..", "..aggregate..", "..citydata..")
                .should().dependOnClassesThat().resideInAnyPackage("..access..", "..onboarding..", "..offboarding..")
                .check(classes);
    }

    @Test
    void onlyTheKubernetesStepTalksToTheCluster() {
        noClasses().that().resideOutsideOfPackage("..kubernetes..")
                .should().dependOnClassesThat().resideInAPackage("io.fabric8..")
                .check(classes);
    }
}
