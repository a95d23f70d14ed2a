package eu.selfdata.tenant.onboarding;

import eu.selfdata.tenant.saga.StepRecord;
import eu.selfdata.tenant.saga.StepState;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Persistent state of each city's onboarding steps: what makes the saga resumable and visible. */
@Component
class OnboardingJournal {

    static final String REGISTRY_STEP = "registry";
    private final JdbcClient jdbc;

    OnboardingJournal(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** Called inside the registration transaction: the registry step is done with the row itself. */
    void open(String slug, List<OnboardingStep> steps) {
        insert(slug, REGISTRY_STEP, 0, StepState.DONE);
        for (int i = 0; i < steps.size(); i++) {
            insert(slug, steps.get(i).name(), i + 1, StepState.PENDING);
        }
    }

    private void insert(String slug, String name, int position, StepState state) {
        jdbc.sql("""
                        insert into platform.onboarding_step (slug, name, position, state, finished_at)
                        values (?, ?, ?, ?, case when ? = 'DONE' then now() end)
                        on conflict (slug, name) do update set position = excluded.position, state = excluded.state,
                               attempts = 0, last_error = null, started_at = null, finished_at = excluded.finished_at""").params(slug, name, position, state.name(), state.name()).update();
    }

    List<StepRecord> steps(String slug) {
        return jdbc.sql("select " + StepRecord.COLUMNS
                        + " from platform.onboarding_step where slug = ? order by position")
                .param(slug)
                .query(StepRecord::of)
                .list();
    }

    Optional<StepState> state(String slug, String step) {
        return jdbc.sql("select state from platform.onboarding_step where slug = ? and name = ?")
                .params(slug, step)
                .query(String.class)
                .optional()
                .map(StepState::valueOf);
    }

    void running(String slug, OnboardingStep step, int position) {
        jdbc.sql("""
                        insert into platform.onboarding_step (slug, name, position, state, attempts, started_at)
                        values (?, ?, ?, 'RUNNING', 1, now())
                        on conflict (slug, name) do update set state = 'RUNNING', attempts = onboarding_step.attempts + 1,
                               started_at = now(), finished_at = null""").params(slug, step.name(), position).update();
    }

    void finished(String slug, String step, StepState state, String error) {
        jdbc.sql("""
                        update platform.onboarding_step set state = ?, last_error = coalesce(?, last_error), finished_at = now()
                         where slug = ? and name = ?""").params(state.name(), error, slug, step).update();
    }
}
