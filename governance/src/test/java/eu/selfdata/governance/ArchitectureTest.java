package eu.selfdata.governance;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.servlet.Filter;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;

/**
 * Rules keyed on packages, so they hold for classes not yet written (docs/architecture.md, "Code
 * rules"): {@code domain} packages free of Spring, the web and the database, thin controllers;
 * {@link ModularityTest} keeps features free of cycles.
 */
class ArchitectureTest {

    /** Classes annotated {@code @Controller} or {@code @RestController}, not those annotations themselves. */
    private static final DescribedPredicate<JavaClass> CONTROLLERS = DescribedPredicate.describe(
            "controllers", type -> !type.isAnnotation() && type.isMetaAnnotatedWith(Controller.class));

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("eu.selfdata.governance");

    @Test
    void domainPackagesKnowNoSpringNoWebNoDatabase() {
        noClasses()
                .that()
                .resideInAPackage("..domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..", "jakarta.servlet..", "java.sql..", "javax.sql..", "tools.jackson..")
                .check(classes);
    }

    @Test
    void domainPackagesSeeOnlyDomainPackagesAndProblemTypes() {
        noClasses()
                .that()
                .resideInAPackage("..domain..")
                .should()
                .dependOnClassesThat(resideInAPackage("eu.selfdata.governance..")
                        .and(not(resideInAnyPackage("..domain..", "eu.selfdata.governance.problem.."))))
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
    void onlyTheTenantServiceClientTalksHttpToOtherServices() {
        noClasses()
                .that()
                .resideOutsideOfPackage("..tenantservice..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework.web.client..", "java.net.http..")
                .check(classes);
    }

    @Test
    void featuresDoNotReachIntoTheWebFiltersOfAccess() {
        noClasses()
                .that()
                .resideOutsideOfPackage("..access..")
                .should()
                .dependOnClassesThat(resideInAPackage("..access..").and(assignableTo(Filter.class)))
                .check(classes);
    }
}
