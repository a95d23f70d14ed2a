package eu.selfdata.tenant;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;

/**
 * The arrows between features that keep tenant isolation reviewable, keyed on packages so that they
 * hold for classes not yet written (docs/architecture.md, "Code rules"); {@link ModularityTest} keeps
 * features free of cycles.
 */
class ArchitectureTest {

    /** Classes annotated {@code @Controller} or {@code @RestController}, not those annotations themselves. */
    private static final DescribedPredicate<JavaClass> CONTROLLERS = DescribedPredicate.describe(
            "controllers", type -> !type.isAnnotation() && type.isMetaAnnotatedWith(Controller.class));

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("eu.selfdata.tenant", "eu.selfdata.usecase");

    @Test
    void domainPackagesKnowNoSpringNoWebNoDatabase() {
        noClasses()
                .that()
                .resideInAPackage("eu.selfdata.tenant..domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "jakarta.servlet..",
                        "java.sql..",
                        "javax.sql..",
                        "tools.jackson..",
                        "eu.selfdata.tenant.tenancy..",
                        "eu.selfdata.tenant.citydata..")
                .check(classes);
    }

    @Test
    void controllersCallServicesNotOtherControllersNorTheDatabase() {
        noClasses()
                .that(CONTROLLERS)
                .should()
                .dependOnClassesThat(CONTROLLERS)
                .orShould()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework.jdbc..", "java.sql..")
                .check(classes);
    }

    @Test
    void nothingBelowTenancyKnowsTheWeb() {
        noClasses()
                .that()
                .resideInAPackage("..tenancy..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework.web..", "jakarta.servlet..", "org.springframework.http..")
                .check(classes);
    }

    @Test
    void tenancyDependsOnNoFeature() {
        noClasses()
                .that()
                .resideInAPackage("..tenancy..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "..registry..",
                        "..onboarding..",
                        "..offboarding..",
                        "..access..",
                        "..portal..",
                        "..announcement..")
                .check(classes);
    }

    @Test
    void theRegistryDoesNotKnowOnboardingOrTheWebFilters() {
        noClasses()
                .that()
                .resideInAPackage("..registry..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..onboarding..", "..offboarding..", "..access..", "..portal..")
                .check(classes);
    }

    @Test
    void useCaseModulesKnowTheirSpiAndNeverTheTenantServiceInternals() {
        noClasses()
                .that()
                .resideInAPackage("eu.selfdata.usecase..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("eu.selfdata.tenant..")
                .check(classes);
    }

    @Test
    void theSelfDataCoreWorksThroughTheCityDatabaseNotTheWebFilters() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "..citizen..",
                        "..consent..",
                        "..accesslog..",
                        "..personaldata..",
                        "..aggregate..",
                        "..citydata..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..access..", "..onboarding..", "..offboarding..")
                .check(classes);
    }

    @Test
    void onlyTheKubernetesStepTalksToTheCluster() {
        noClasses()
                .that()
                .resideOutsideOfPackage("..kubernetes..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.fabric8..")
                .check(classes);
    }
}
