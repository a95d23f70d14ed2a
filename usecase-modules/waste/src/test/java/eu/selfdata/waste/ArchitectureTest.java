package eu.selfdata.waste;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;

/**
 * The module reaches the platform through the SPI and the connector framework only, its features
 * ({@code bin}, {@code citizen}, {@code weighing}, {@code telemetry}, {@code opendata}, {@code page}) have
 * no cycles between them, and its controllers and page call services (docs/architecture.md, rules 14,
 * 16 and 18), for classes not yet written too.
 */
class ArchitectureTest {

    private static final DescribedPredicate<JavaClass> CONTROLLERS = DescribedPredicate.describe(
            "controllers", type -> !type.isAnnotation() && type.isMetaAnnotatedWith(Controller.class));

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("eu.selfdata.waste");

    @Test
    void theWasteModuleNeverReachesIntoTenantService() {
        noClasses()
                .that()
                .resideInAPackage("eu.selfdata.waste..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("eu.selfdata.tenant..")
                .check(classes);
    }

    @Test
    void featuresAreFreeOfCycles() {
        slices().matching("eu.selfdata.waste.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void controllersAndThePageCallServicesNotOtherControllersNorTheDatabase() {
        noClasses()
                .that(CONTROLLERS)
                .should()
                .dependOnClassesThat(CONTROLLERS)
                .orShould()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework.jdbc..", "java.sql..")
                .check(classes);
    }
}
