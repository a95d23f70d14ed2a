package eu.selfdata.tenant.erasure;

import eu.selfdata.tenant.citizen.CitizenAccounts;
import eu.selfdata.tenant.citydata.CityJdbc;
import eu.selfdata.tenant.notices.CitizenNotices;
import eu.selfdata.tenant.saga.StepRecord;
import eu.selfdata.usecase.api.CitizenId;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Persistent state of the current city's erasures ({@code erasure}, {@code erasure_step}): what makes the saga
 * resumable after a crash and visible to the citizen. Identifiers leave the journal with the last step.
 */
@Component
class ErasureJournal {

    private static final int MAX_ERROR = 500;

    private final CityJdbc city;
    private final JsonMapper json;

    ErasureJournal(CityJdbc city, JsonMapper json) {
        this.city = city;
        this.json = json;
    }

    /** Records a new erasure with its steps PENDING; call inside the transaction that refuses the subject. */
    void open(
            UUID id,
            CitizenId citizen,
            String subject,
            Optional<CitizenNotices.Mail> confirmation,
            List<String> steps) {
        city.jdbc()
                .sql("""
                        insert into erasure (id, state, subject_hash, citizen_id, subject, confirmation)
                        values (?, 'RUNNING', ?, ?, ?, cast(? as jsonb))""")
                .params(
                        id,
                        CitizenAccounts.hash(subject),
                        citizen.value(),
                        subject,
                        confirmation.map(json::writeValueAsString).orElse(null))
                .update();
        for (int i = 0; i < steps.size(); i++) {
            city.jdbc()
                    .sql("insert into erasure_step (erasure_id, name, position, state) values (?, ?, ?, 'PENDING')")
                    .params(id, steps.get(i), i + 1)
                    .update();
        }
    }

    Optional<UUID> running(String subject) {
        return city.jdbc()
                .sql("select id from erasure where subject_hash = ? and state = 'RUNNING'")
                .param(CitizenAccounts.hash(subject))
                .query(UUID.class)
                .optional();
    }

    /** The unfinished erasure, as its steps need it; empty once done. */
    Optional<ErasureRequest> request(UUID id) {
        return city.jdbc()
                .sql("select citizen_id, subject, confirmation from erasure where id = ? and state = 'RUNNING'")
                .param(id)
                .query((rs, row) -> new ErasureRequest(
                        id,
                        city.city(),
                        new CitizenId(rs.getObject(1, UUID.class)),
                        rs.getString(2),
                        Optional.ofNullable(rs.getString(3))
                                .map(mail -> json.readValue(mail, CitizenNotices.Mail.class))))
                .optional();
    }

    Optional<ErasureStatus> status(UUID id) {
        return city.jdbc()
                .sql("select state from erasure where id = ?")
                .param(id)
                .query(String.class)
                .optional()
                .map(state -> new ErasureStatus(
                        id,
                        "DONE".equals(state) ? ErasureStatus.State.DONE : ErasureStatus.State.IN_PROGRESS,
                        steps(id)));
    }

    private List<StepRecord> steps(UUID id) {
        return city.jdbc()
                .sql("select " + StepRecord.COLUMNS + " from erasure_step where erasure_id = ? order by position")
                .param(id)
                .query(StepRecord::of)
                .list();
    }

    boolean isDone(UUID id, String step) {
        return city.jdbc()
                .sql("select state = 'DONE' from erasure_step where erasure_id = ? and name = ?")
                .params(id, step)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    /** @return the attempts of the step so far, this one included */
    int running(UUID id, String step) {
        return city.jdbc().sql("""
                        update erasure_step set state = 'RUNNING', attempts = attempts + 1, started_at = now(), finished_at = null
                         where erasure_id = ? and name = ? returning attempts""").params(id, step).query(Integer.class).single();
    }

    void done(UUID id, String step) {
        city.jdbc()
                .sql("update erasure_step set state = 'DONE', finished_at = now() where erasure_id = ? and name = ?")
                .params(id, step)
                .update();
    }

    /** The step failed: the resumer tries it again once {@code retryIn} has passed. */
    void failed(UUID id, String step, String error, Duration retryIn) {
        city.transactions().executeWithoutResult(status -> {
            city.jdbc()
                    .sql("""
                            update erasure_step set state = 'FAILED', last_error = ?, finished_at = now()
                             where erasure_id = ? and name = ?""")
                    .params(error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error, id, step)
                    .update();
            city.jdbc()
                    .sql("update erasure set next_attempt_at = now() + ? * interval '1 millisecond' where id = ?")
                    .params(retryIn.toMillis(), id)
                    .update();
        });
    }

    /** The confirmation left: it is not kept a moment longer. */
    void confirmationSent(UUID id) {
        city.jdbc()
                .sql("update erasure set confirmation = null where id = ?")
                .param(id)
                .update();
    }

    /**
     * Every step done: the identifiers leave the journal, and the erased subject's day of refusal starts now
     * (tokens issued before the identity went live no longer than that).
     */
    void finish(UUID id) {
        city.transactions().executeWithoutResult(status -> {
            city.jdbc().sql("""
                            update erased_subject set erased_at = now()
                             where subject_hash = (select subject_hash from erasure where id = ?)""").param(id).update();
            city.jdbc().sql("""
                            update erasure set state = 'DONE', subject_hash = null, citizen_id = null, subject = null,
                                   confirmation = null, finished_at = now()
                             where id = ?""").param(id).update();
        });
    }

    /** Unfinished erasures of the current city whose next attempt is due. */
    List<UUID> due() {
        return city.jdbc()
                .sql(
                        "select id from erasure where state = 'RUNNING' and next_attempt_at <= now() order by requested_at")
                .query(UUID.class)
                .list();
    }
}
