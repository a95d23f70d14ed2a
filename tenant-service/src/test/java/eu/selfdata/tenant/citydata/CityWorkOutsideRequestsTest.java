package eu.selfdata.tenant.citydata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.selfdata.connectors.DeadLetter;
import eu.selfdata.connectors.DeadLetters;
import eu.selfdata.connectors.ProcessedMessages;
import eu.selfdata.tenant.support.TenantServiceTest;
import eu.selfdata.tenant.tenancy.TenantId;
import eu.selfdata.usecase.api.CityTransactions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Connector work outside any request goes through the same city-schema helper as requests (rule 4):
 * two cities' writes from many threads each land in their own schema and leave no search_path on
 * the pool; a city's writes in one transaction commit or roll back together; another city's work
 * cannot join a city's open transaction.
 */
class CityWorkOutsideRequestsTest extends TenantServiceTest {

    private static final int WRITES = 400;

    @Autowired
    CityTransactions transactions;

    @Autowired
    ProcessedMessages processed;

    @Autowired
    DeadLetters deadLetters;

    @Autowired
    DataSource dataSource;

    @Test
    void twoCitiesConnectorWritesOnManyThreadsStayInTheirSchemaAndLeaveNoPathOnThePool() throws Exception {
        String alpha = onboard(freshSlug("alpha"), "Alpha", List.of("waste"));
        String beta = onboard(freshSlug("beta"), "Beta", List.of("waste"));

        List<Future<Boolean>> writes = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < WRITES; i++) {
                String city = i % 2 == 0 ? alpha : beta;
                String key = city + "/probe/" + city + "-" + i;
                writes.add(threads.submit(() -> processed.add(key)));
            }
            for (Future<Boolean> write : writes) {
                assertThat(write.get()).isTrue();
            }
        }

        for (String city : List.of(alpha, beta)) {
            List<String> keys = platform()
                    .sql("select message_key from " + TenantId.of(city).quotedSchema()
                            + ".connector_processed where template = 'probe'")
                    .query(String.class)
                    .list();
            assertThat(keys).hasSize(WRITES / 2).allMatch(key -> key.startsWith(city + "-"));
        }
        assertEveryPooledConnectionHasTheDefaultSearchPath();
    }

    @Test
    void aCitysWritesAndTheDeadLettersRecordedInTheirTransactionRollBackTogether() {
        String city = onboard(freshSlug("gamma"), "Gamma", List.of("waste"));

        assertThatThrownBy(() -> transactions.run(city, jdbc -> {
                    jdbc.sql("insert into connector_processed (template, message_key) values ('probe', 'half-done')")
                            .update();
                    deadLetters.record(
                            city,
                            List.of(new DeadLetter.Failure("probe", "file.csv", "sha256:x", 3L, "bad,row", "bad row")));
                    throw new IllegalStateException("the template fails after its writes");
                }))
                .hasMessage("the template fails after its writes");

        assertThat(count(city, "connector_processed")).isZero();
        assertThat(count(city, "connector_dead_letter")).isZero();
    }

    @Test
    void anotherCitysWorkCannotJoinACitysOpenTransaction() {
        String delta = onboard(freshSlug("delta"), "Delta", List.of("waste"));
        String epsilon = onboard(freshSlug("epsilon"), "Epsilon", List.of("waste"));

        assertThatThrownBy(() -> transactions.run(
                        delta,
                        jdbc -> transactions.run(
                                epsilon,
                                inner -> inner.sql(
                                                "insert into connector_processed (template, message_key) values ('probe', 'astray')")
                                        .update())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(epsilon);

        assertThat(count(delta, "connector_processed")).isZero();
        assertThat(count(epsilon, "connector_processed")).isZero();
    }

    private long count(String city, String table) {
        return platform()
                .sql("select count(*) from " + TenantId.of(city).quotedSchema() + "." + table)
                .query(Long.class)
                .single();
    }

    private JdbcClient platform() {
        return JdbcClient.create(dataSource);
    }
}
