package eu.selfdata.connectors;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

/**
 * The framework's shape, keyed on packages so that it holds for classes not yet written
 * (docs/architecture.md, "Code rules"). Templates' own rules are enforced when Camel builds them
 * ({@link TemplateRules}).
 */
class ArchitectureTest {

    private static final String ROOT = "eu.selfdata.connectors";

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    /** The root package (templates, host, administration) and each sub-package are one slice each. */
    @Test
    void noCyclesBetweenTheFrameworksPackages() {
        slices().assignedFrom(new SliceAssignment() {
                    @Override
                    public SliceIdentifier getIdentifierOf(JavaClass type) {
                        String name = type.getPackageName();
                        if (name.equals(ROOT)) {
                            return SliceIdentifier.of("connectors");
                        }
                        return name.startsWith(ROOT + ".")
                                ? SliceIdentifier.of(
                                        name.substring(ROOT.length() + 1).split("\\.")[0])
                                : SliceIdentifier.ignore();
                    }

                    @Override
                    public String getDescription() {
                        return "the framework's packages";
                    }
                })
                .should()
                .beFreeOfCycles()
                .check(classes);
    }

    /** Settings, folders and outbound calls are building blocks: no route, no template, no web. */
    @Test
    void settingsFoldersAndOutboundKnowNothingOfRoutesOrTheWeb() {
        noClasses()
                .that()
                .resideInAnyPackage(ROOT + ".settings..", ROOT + ".folders..", ROOT + ".outbound..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        ROOT,
                        "org.apache.camel.model..",
                        "org.apache.camel.builder..",
                        "org.springframework.web..",
                        "org.springframework.http..",
                        "jakarta.servlet..")
                .check(classes);
    }

    /** A setting is a value and its rule: no Camel at all. */
    @Test
    void settingsKnowNoCamel() {
        noClasses()
                .that()
                .resideInAPackage(ROOT + ".settings..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.apache.camel..")
                .check(classes);
    }

    @Test
    void theFrameworkKnowsNoModuleAndNoHost() {
        noClasses()
                .that()
                .resideInAPackage(ROOT + "..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("eu.selfdata.tenant..", "eu.selfdata.waste..", "eu.selfdata.mobility..")
                .check(classes);
    }
}
