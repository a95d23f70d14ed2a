package eu.selfdata.tenant.offboarding;

import eu.selfdata.tenant.backup.ArchiveKind;
import eu.selfdata.tenant.backup.CityArchives;
import eu.selfdata.tenant.backup.StoredArchive;
import eu.selfdata.tenant.onboarding.OnboardingSaga;
import eu.selfdata.tenant.problem.ConfirmationRequiredException;
import eu.selfdata.tenant.registry.ServedTenants;
import eu.selfdata.tenant.registry.Tenant;
import eu.selfdata.tenant.registry.TenantRegistry;
import eu.selfdata.tenant.registry.TenantStateConflictException;
import eu.selfdata.tenant.registry.TenantStatus;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * A city leaves: traffic stops, its schema and files are archived (encrypted, owner-only, kept for
 * {@code selfdata.offboarding.archive-retention}), then every onboarding step is undone
 * (schema dropped, later its identity and cluster resources). If the archive fails the city goes
 * back to its previous status with nothing dropped.
 */
@Component
class Offboarding {

    private final TenantRegistry registry;
    private final ServedTenants servedTenants;
    private final CityArchives archives;
    private final OnboardingSaga saga;

    Offboarding(TenantRegistry registry, ServedTenants servedTenants, CityArchives archives, OnboardingSaga saga) {
        this.registry = registry;
        this.servedTenants = servedTenants;
        this.archives = archives;
        this.saga = saga;
    }

    StoredArchive offboard(String slug, String confirmation) {
        if (!slug.equals(confirmation)) {
            throw new ConfirmationRequiredException(
                    "Offboarding drops the city's data: send {\"confirm\": \"" + slug + "\"}");
        }
        Tenant tenant = registry.get(slug);
        if (!registry.transition(
                slug,
                Set.of(TenantStatus.ACTIVE, TenantStatus.SUSPENDED),
                TenantStatus.OFFBOARDED,
                "OFFBOARDING_STARTED")) {
            throw new TenantStateConflictException("City '" + slug + "' is " + tenant.status()
                    + ": only an active or suspended city can be offboarded");
        }
        servedTenants.evict(slug);
        StoredArchive written;
        try {
            written = archives.write(tenant, ArchiveKind.OFFBOARDING);
        } catch (RuntimeException e) {
            registry.transition(slug, Set.of(TenantStatus.OFFBOARDED), tenant.status(), "OFFBOARDING_ABORTED");
            servedTenants.evict(slug);
            throw e;
        }
        registry.recordArchive(slug, written.name());
        saga.compensateAll(tenant);
        registry.recordEvent(slug, "OFFBOARDED", written.name());
        return written;
    }
}
