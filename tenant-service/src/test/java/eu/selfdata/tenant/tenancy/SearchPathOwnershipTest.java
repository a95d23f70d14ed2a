package eu.selfdata.tenant.tenancy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link SearchPathPool} skips the {@code SET} when its record says a connection already points at
 * the asked city, so the record must be the only writer of a connection's path: any other
 * {@code search_path} or {@code setSchema} would make a borrower of one city read another's tables.
 */
class SearchPathOwnershipTest {

    /** The classes allowed to name the path in SQL: the pool, its borrow/give-back, and Liquibase's own reset. */
    private static final Set<String> OWNERS =
            Set.of("SearchPathPool.java", "SchemaConnections.java", "SchemaChangelogRunner.java");

    private static final Pattern PATH_IN_SQL =
            Pattern.compile("\"[^\"\\n]*(search_path|set\\s+schema)[^\"\\n]*\"", Pattern.CASE_INSENSITIVE);

    @Test
    void noCodeOutsideTheTenancyPackageChangesAConnectionsSchema() {
        noClasses()
                .that()
                .resideOutsideOfPackage("eu.selfdata.tenant.tenancy..")
                .should()
                .callMethod(Connection.class, "setSchema", String.class)
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("eu.selfdata"));
    }

    @Test
    void onlyThePoolAndItsBorrowersPutSearchPathInSql() {
        List<Path> offenders = Stream.of("src/main", "../usecase-modules", "../connectors", "../governance/src/main")
                .map(Path::of)
                .filter(Files::isDirectory)
                .flatMap(SearchPathOwnershipTest::sources)
                .filter(file -> !OWNERS.contains(file.getFileName().toString()))
                .filter(SearchPathOwnershipTest::namesThePathInSql)
                .toList();

        assertThat(offenders).isEmpty();
    }

    private static Stream<Path> sources(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            // usecase-test is the modules' own test host, with its own pool: not tenant-service's.
            return files
                    .filter(file -> !file.toString().contains("/target/")
                            && !file.toString().contains("/src/test/")
                            && !file.toString().contains("/usecase-test/"))
                    .filter(file -> file.toString().matches(".*\\.(java|sql|xml|ya?ml)$"))
                    .toList()
                    .stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean namesThePathInSql(Path file) {
        try {
            String text = Files.readString(file);
            return file.toString().endsWith(".java")
                    ? PATH_IN_SQL.matcher(text).find()
                    : text.toLowerCase().contains("search_path");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
