package eu.selfdata.contract;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The contract stays light: its core needs the JDK alone, so any process of the platform can take it. */
class ArchitectureTest {

    private final JavaClasses contract = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("eu.selfdata.contract", "eu.selfdata.identity");

    @Test
    void slugSignatureHeadersAndClaimsNeedOnlyTheJdk() {
        classes()
                .that()
                .resideInAPackage("eu.selfdata.contract")
                .or()
                .haveSimpleName("CityClaims")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "javax.crypto..", "eu.selfdata.contract", "eu.selfdata.identity")
                .check(contract);
    }
}
