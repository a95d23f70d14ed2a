package eu.selfdata.tenant.erasure;

import eu.selfdata.tenant.citizen.CitizenAccounts;
import eu.selfdata.tenant.citydata.CityJdbc;
import eu.selfdata.tenant.notices.CitizenNotices;
import eu.selfdata.tenant.notices.Notice;
import eu.selfdata.tenant.registry.TenantRegistry;
import eu.selfdata.tenant.saga.SagaLock;
import eu.selfdata.usecase.api.CitizenId;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Art. 17 as a resumable saga (like onboarding): the city's data, files and dead letters, governance, caches,
 * identity, confirmation mail, each journaled and idempotent. The request itself refuses the subject at once
 * on every replica and composes the confirmation while the address still exists; a failing step is retried
 * with exponential back-off by {@link ErasureResumer}, never compensated (erasure only goes forward). The
 * identity goes last among the data steps, so until everything else is gone the citizen still signs in and
 * sees "erasure in progress".
 */
@Component
public class ErasureSaga {

    /** What the citizen types (API and page alike) to confirm that erasing cannot be undone. */
    static final String CONFIRMATION = "ERASE";

    private static final Logger log = LoggerFactory.getLogger(ErasureSaga.class);

    private final List<ErasureStep> steps;
    private final ErasureJournal journal;
    private final CitizenAccounts accounts;
    private final CitizenNotices notices;
    private final TenantRegistry registry;
    private final CityJdbc city;
    private final DataSource dataSource;
    private final Duration retryFirst;
    private final Duration retryMax;

    ErasureSaga(
            List<ErasureStep> steps,
            ErasureJournal journal,
            CitizenAccounts accounts,
            CitizenNotices notices,
            TenantRegistry registry,
            CityJdbc city,
            DataSource dataSource,
            @Value("${selfdata.erasure.retry-first:30s}") Duration retryFirst,
            @Value("${selfdata.erasure.retry-max:1h}") Duration retryMax) {
        this.steps = steps.stream()
                .sorted(Comparator.comparingInt(ErasureStep::order))
                .toList();
        this.journal = journal;
        this.accounts = accounts;
        this.notices = notices;
        this.registry = registry;
        this.city = city;
        this.dataSource = dataSource;
        this.retryFirst = retryFirst;
        this.retryMax = retryMax;
    }

    /** Records the current city's citizen's erasure, at their request, and runs it as far as it goes now. */
    ErasureStatus start(CitizenId citizen, String subject) {
        return start(citizen, subject, Notice.ACCOUNT_ERASED);
    }

    /**
     * The same saga for an account unused past its retention: the citizen did not ask, so the last mail says why
     * ({@link Notice#ACCOUNT_ERASED_INACTIVE}). For the current city.
     */
    public void eraseUnused(CitizenId citizen, String subject) {
        start(citizen, subject, Notice.ACCOUNT_ERASED_INACTIVE);
    }

    private ErasureStatus start(CitizenId citizen, String subject, Notice confirmation) {
        UUID id = journal.running(subject).orElseGet(() -> open(citizen, subject, confirmation));
        run(id);
        return journal.status(id).orElseThrow();
    }

    private UUID open(CitizenId citizen, String subject, Notice notice) {
        String cityName = registry.get(city.city()).displayName();
        Optional<CitizenNotices.Mail> confirmation =
                notices.compose(citizen, notice, language -> new Object[] {cityName});
        UUID id = UUID.randomUUID();
        city.transactions().executeWithoutResult(status -> {
            journal.open(
                    id,
                    citizen,
                    subject,
                    confirmation,
                    steps.stream().map(ErasureStep::name).toList());
            accounts.refuse(subject);
        });
        return id;
    }

    Optional<ErasureStatus> status(String subject) {
        return journal.running(subject).flatMap(journal::status);
    }

    /** Runs (or resumes) one erasure of the current city; returns at once if another run holds it. */
    void run(UUID id) {
        try (SagaLock lock = SagaLock.tryAcquire(dataSource, "erasure:" + id)) {
            if (lock.held()) {
                journal.request(id).ifPresent(this::runSteps);
            }
        } catch (SQLException e) {
            log.error("Erasure {} could not take its lock; it will be resumed", id, e);
        }
    }

    private void runSteps(ErasureRequest request) {
        for (ErasureStep step : steps) {
            if (journal.isDone(request.id(), step.name())) {
                continue;
            }
            int attempts = journal.running(request.id(), step.name());
            try {
                step.execute(request);
            } catch (RuntimeException e) {
                Duration retryIn = backOff(attempts);
                log.warn(
                        "Erasure {} in {} failed at step {} (attempt {}), retried in {}",
                        request.id(),
                        request.city(),
                        step.name(),
                        attempts,
                        retryIn,
                        e);
                journal.failed(request.id(), step.name(), String.valueOf(e.getMessage()), retryIn);
                return;
            }
            journal.done(request.id(), step.name());
        }
        journal.finish(request.id());
    }

    /** First retry after {@code retry-first}, then twice as long each time, at most {@code retry-max}. */
    private Duration backOff(int attempts) {
        Duration delay = retryFirst.multipliedBy(1L << Math.min(attempts - 1, 20));
        return delay.compareTo(retryMax) > 0 ? retryMax : delay;
    }
}
