package eu.selfdata.tenant.onboarding;

import eu.selfdata.tenant.problem.ProblemException;
import eu.selfdata.tenant.problem.ProblemType;
import eu.selfdata.tenant.registry.NewTenant;
import eu.selfdata.tenant.registry.ServedTenants;
import eu.selfdata.tenant.registry.Tenant;
import eu.selfdata.tenant.registry.TenantRegistry;
import eu.selfdata.tenant.registry.TenantStateConflictException;
import eu.selfdata.tenant.registry.TenantStatus;
import eu.selfdata.tenant.saga.SagaLock;
import eu.selfdata.tenant.saga.StepRecord;
import eu.selfdata.tenant.saga.StepState;
import eu.selfdata.tenant.tenancy.ClusterName;
import eu.selfdata.tenant.tenancy.DatabaseClusters;
import eu.selfdata.tenant.tenancy.TenantId;
import eu.selfdata.tenant.tenancy.TenantMigrations;
import jakarta.annotation.PreDestroy;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Onboards a city step by step (docs/architecture.md, rule 6). Every step's state is journaled, so a crash
 * resumes where it stopped; a failing step compensates the done ones in reverse order and leaves
 * only a FAILED registry row. The city is served only once the last step made it ACTIVE.
 */
@Component
public class OnboardingSaga {

    private static final Logger log = LoggerFactory.getLogger(OnboardingSaga.class);

    private final List<OnboardingStep> steps;
    private final OnboardingJournal journal;
    private final TenantRegistry registry;
    private final ServedTenants servedTenants;
    private final TenantMigrations migrations;
    private final DataSource dataSource;
    private final DatabaseClusters clusters;
    private final ExecutorService runner = Executors.newFixedThreadPool(2);

    OnboardingSaga(
            List<OnboardingStep> steps,
            OnboardingJournal journal,
            TenantRegistry registry,
            ServedTenants servedTenants,
            TenantMigrations migrations,
            DataSource dataSource,
            DatabaseClusters clusters) {
        this.steps = steps.stream()
                .sorted(Comparator.comparingInt(OnboardingStep::order))
                .toList();
        this.journal = journal;
        this.registry = registry;
        this.servedTenants = servedTenants;
        this.migrations = migrations;
        this.dataSource = dataSource;
        this.clusters = clusters;
    }

    /** Validates and records the city (status PROVISIONING, steps PENDING), then runs the saga in the background. */
    public Tenant onboard(NewTenant request) {
        TenantId.of(request.slug());
        Set<String> unknown = new HashSet<>(request.enabledModules());
        unknown.removeAll(migrations.knownModules());
        if (!unknown.isEmpty()) {
            throw new UnknownModuleException(unknown, migrations.knownModules());
        }
        if (!clusters.contains(request.clusterName())) {
            throw new ProblemException(
                    ProblemType.UNKNOWN_CLUSTER,
                    "No database cluster '" + request.cluster() + "'; this platform has "
                            + clusters.names().stream()
                                    .map(ClusterName::value)
                                    .sorted()
                                    .toList());
        }
        registry.register(request, slug -> journal.open(slug, steps));
        runner.submit(() -> run(request.slug()));
        return registry.get(request.slug());
    }

    /** Starts a failed onboarding again from its first step. */
    public void retry(String slug) {
        if (!registry.transition(slug, Set.of(TenantStatus.FAILED), TenantStatus.PROVISIONING, "ONBOARDING_RETRIED")) {
            throw new TenantStateConflictException("Only a city whose onboarding failed can be retried");
        }
        journal.open(slug, steps);
        runner.submit(() -> run(slug));
    }

    public List<StepRecord> progress(String slug) {
        return journal.steps(slug);
    }

    /** Runs (or resumes) the saga of one city; returns at once if another run holds it. */
    public void run(String slug) {
        try (SagaLock lock = SagaLock.tryAcquire(dataSource, "onboarding:" + slug)) {
            if (!lock.held()) {
                log.info("Onboarding of {} already running elsewhere", slug);
                return;
            }
            Tenant tenant = registry.get(slug);
            if (tenant.status() == TenantStatus.PROVISIONING) {
                runSteps(tenant);
            }
        } catch (SQLException e) {
            log.error("Onboarding of {} could not take its lock; it will be resumed", slug, e);
        } catch (RuntimeException e) {
            log.error("Onboarding of {} stopped; it will be resumed", slug, e);
        }
    }

    private void runSteps(Tenant tenant) {
        List<OnboardingStep> done = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            OnboardingStep step = steps.get(i);
            if (journal.state(tenant.slug(), step.name()).orElse(StepState.PENDING) == StepState.DONE) {
                done.add(step);
                continue;
            }
            journal.running(tenant.slug(), step, i + 1);
            try {
                step.execute(tenant);
            } catch (RetryLaterException e) {
                log.warn("Onboarding of {} waits at step {}: {}", tenant.slug(), step.name(), e.getMessage());
                journal.finished(tenant.slug(), step.name(), StepState.PENDING, e.getMessage());
                return;
            } catch (RuntimeException e) {
                log.warn("Onboarding of {} failed at step {}: compensating", tenant.slug(), step.name(), e);
                journal.finished(tenant.slug(), step.name(), StepState.FAILED, String.valueOf(e.getMessage()));
                compensate(tenant, done);
                registry.transition(
                        tenant.slug(), Set.of(TenantStatus.PROVISIONING), TenantStatus.FAILED, "ONBOARDING_FAILED");
                servedTenants.evict(tenant.slug());
                return;
            }
            journal.finished(tenant.slug(), step.name(), StepState.DONE, null);
            done.add(step);
        }
        servedTenants.evict(tenant.slug());
    }

    /** Undoes every step of a city in reverse order; used on failure and at offboarding. */
    public void compensateAll(Tenant tenant) {
        compensate(tenant, steps);
    }

    private void compensate(Tenant tenant, List<OnboardingStep> done) {
        for (OnboardingStep step : done.reversed()) {
            try {
                step.compensate(tenant);
                journal.finished(tenant.slug(), step.name(), StepState.COMPENSATED, null);
            } catch (RuntimeException e) {
                log.error("Compensation of step {} for {} failed", step.name(), tenant.slug(), e);
                registry.recordEvent(tenant.slug(), "COMPENSATION_FAILED", step.name() + ": " + e.getMessage());
            }
        }
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }
}
