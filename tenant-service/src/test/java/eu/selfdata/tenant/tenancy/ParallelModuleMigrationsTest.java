package eu.selfdata.tenant.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import eu.selfdata.tenant.support.TenantServiceTest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Cities onboarded at the same time, each with every module: several changelogs per schema, asked
 * for from parallel threads as onboarding sagas do. A Liquibase run ending beside another used to
 * make that one lose the lock it held (the schema's next changelog then waited five minutes and failed).
 */
class ParallelModuleMigrationsTest extends TenantServiceTest {

    @Autowired
    TenantMigrations migrations;

    @Autowired
    DataSource dataSource;

    private final Map<TenantId, Set<String>> cities = new LinkedHashMap<>();

    @Test
    void citiesMigratedTogetherWithEveryModuleAllReachTheTargetAndReleaseTheirLocks() {
        Set<String> everyModule = migrations.knownModules();
        assertThat(everyModule).hasSizeGreaterThan(1);
        IntStream.range(0, 8).forEach(i -> cities.put(TenantId.of(freshSlug("together")), everyModule));

        Map<TenantId, MigrationState> outcome = assertTimeoutPreemptively(Duration.ofMinutes(2), () -> {
            try (ExecutorService sagas = Executors.newFixedThreadPool(4)) {
                Map<TenantId, Future<MigrationState>> running = new LinkedHashMap<>();
                cities.forEach(
                        (city, modules) -> running.put(city, sagas.submit(() -> migrations.migrate(city, modules))));
                Map<TenantId, MigrationState> done = new LinkedHashMap<>();
                for (var city : running.entrySet()) {
                    done.put(city.getKey(), city.getValue().get());
                }
                return done;
            }
        });

        JdbcClient jdbc = JdbcClient.create(dataSource);
        cities.keySet().forEach(city -> {
            assertThat(outcome.get(city).status()).as(city.slug()).isEqualTo(MigrationState.Status.MIGRATED);
            assertThat(jdbc.sql("select count(*) from " + city.quotedSchema() + ".databasechangeloglock where locked")
                            .query(Integer.class)
                            .single())
                    .as(city.slug())
                    .isZero();
        });
    }

    @AfterEach
    void dropSchemas() {
        cities.keySet().forEach(migrations::dropSchema);
    }
}
