package eu.selfdata.waste.support;

import static org.awaitility.Awaitility.await;

import eu.selfdata.connectors.folders.CityFolders;
import eu.selfdata.connectors.folders.DropFolder;
import eu.selfdata.testsupport.TestPostgres;
import eu.selfdata.usecase.api.CitizenId;
import eu.selfdata.usecase.test.TestAccessLog;
import eu.selfdata.usecase.test.TestCities;
import eu.selfdata.usecase.test.TestConsents;
import eu.selfdata.waste.WastePurposes;
import eu.selfdata.waste.weighing.WeighingsFolderTemplate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** One Spring context for the module's connector tests; each test uses fresh city slugs. */
@SpringBootTest(classes = WasteTestApplication.class)
public abstract class WasteConnectorTest {

    protected static final Path DROP;

    static {
        try {
            DROP = Files.createTempDirectory("waste-drop");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestPostgres.springDatasourceProperties().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("selfdata.connectors.drop-directory", DROP::toString);
    }

    @Autowired
    protected TestCities cities;

    @Autowired
    protected TestConsents consents;

    @Autowired
    protected TestAccessLog accessLog;

    @Autowired
    protected CityFolders folders;

    @Autowired
    protected DataSource dataSource;

    protected static String freshCity(String prefix) {
        return TestCities.freshSlug(prefix);
    }

    /** A citizen linked to a bin, proven by its activation code, with the import consent given, as the bin-link API leaves it. */
    protected CitizenId linkBin(String city, String binId) {
        CitizenId citizen = new CitizenId(UUID.randomUUID());
        jdbc().sql("insert into " + table(city, "waste_bin_link")
                        + " (bin_id, citizen_id, household_size, proof, proven_at) values (?, ?, 2, 'CODE', now())")
                .params(binId, citizen.value())
                .update();
        consents.give(citizen, WastePurposes.IMPORT_WEIGHINGS);
        return citizen;
    }

    protected JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }

    protected String table(String city, String table) {
        return cities.table(city, table);
    }

    protected Path folder(String city, String name) {
        DropFolder folder = folders.dropFolder(city, WeighingsFolderTemplate.FOLDER.defaultValue());
        return switch (name) {
            case "inbox" -> folder.inbox();
            case "done" -> folder.done();
            case "failed" -> folder.failed();
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** Drops a file as an operator should: written under a temporary name, then renamed. */
    public static void drop(Path inbox, String name, byte[] content) {
        try {
            Files.createDirectories(inbox);
            Path partial = inbox.resolve(name + ".part");
            Files.write(partial, content);
            Files.move(partial, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected static List<String> files(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected static void awaitFileIn(Path folder, String suffix) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> files(folder).stream().anyMatch(name -> name.endsWith(suffix)));
    }
}
