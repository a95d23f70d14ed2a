package eu.selfdata.governance.erasure;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Forgets a citizen of one city: their seats on the panels and their stop votes on that city's pilots go, and
 * the audit entries they made about those pilots keep the action but name an erased citizen. Another city's
 * pilots are untouched, even under the same subject. Idempotent: a replay finds nothing left.
 */
@Component
class CitizenErasure {

    static final String PSEUDONYM = "erased-citizen";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    CitizenErasure(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
    }

    void erase(String city, String subject) {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("select set_config('selfdata.erasure', 'on', true)")
                    .query(String.class)
                    .single();
            for (String table : new String[] {"stop_vote", "panel_member"}) {
                jdbc.sql(
                                "delete from " + table
                                        + " where subject = :subject and pilot_id in (select id from pilot where city_slug = :city)")
                        .param("subject", subject)
                        .param("city", city)
                        .update();
            }
            jdbc.sql("""
                            update audit_entry set actor = :pseudonym
                             where actor = :subject and entity = 'pilot'
                               and entity_id in (select cast(id as varchar) from pilot where city_slug = :city)""")
                    .param("pseudonym", PSEUDONYM)
                    .param("subject", subject)
                    .param("city", city)
                    .update();
        });
    }
}
