package eu.selfdata.tenant.consent;

import eu.selfdata.tenant.citydata.CityJdbc;
import eu.selfdata.tenant.identity.PublicUrls;
import eu.selfdata.tenant.notices.CitizenNotices;
import eu.selfdata.tenant.notices.Notice;
import eu.selfdata.tenant.registry.Tenant;
import eu.selfdata.tenant.registry.TenantRegistry;
import eu.selfdata.tenant.registry.TenantStatus;
import eu.selfdata.tenant.tenancy.TenantContext;
import eu.selfdata.usecase.api.CitizenId;
import eu.selfdata.usecase.api.CitizenMail;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Tells each citizen, once per decision, that a consent they gave expires within {@code selfdata.notices.consent-expiry-warning}
 * (default 14 days), with the link that renews it. A renewal is a new decision, which may be told again before it expires.
 * Checked every {@code selfdata.notices.consent-expiry-check} in every active city.
 */
@Component
class ConsentExpiryNotices {

    private static final Logger log = LoggerFactory.getLogger(ConsentExpiryNotices.class);
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final TenantRegistry registry;
    private final CityJdbc city;
    private final CitizenNotices notices;
    private final PurposeCatalogue purposes;
    private final PublicUrls urls;
    private final Duration warning;

    ConsentExpiryNotices(
            TenantRegistry registry,
            CityJdbc city,
            CitizenNotices notices,
            PurposeCatalogue purposes,
            PublicUrls urls,
            @Value("${selfdata.notices.consent-expiry-warning:14d}") Duration warning) {
        this.registry = registry;
        this.city = city;
        this.notices = notices;
        this.purposes = purposes;
        this.urls = urls;
        this.warning = warning;
    }

    @Scheduled(
            fixedDelayString = "${selfdata.notices.consent-expiry-check:1h}",
            initialDelayString = "${selfdata.notices.consent-expiry-check:1h}")
    void checkEveryCity() {
        registry.list().stream()
                .filter(tenant -> tenant.status() == TenantStatus.ACTIVE)
                .forEach(tenant -> {
                    try {
                        TenantContext.run(tenant.id(), () -> tell(tenant));
                    } catch (RuntimeException e) {
                        log.warn("Consent expiry notices of {} not checked: {}", tenant.slug(), e.getMessage());
                    }
                });
    }

    /** Tells the current city's citizens whose consents expire soon; @return how many were told or chose not to be. */
    int tell(Tenant tenant) {
        record Expiring(UUID citizen, String purpose, java.time.Instant expiresAt) {}
        int handled = 0;
        for (Expiring expiring : city.jdbc()
                .sql("""
                        select citizen_id, purpose_id, expires_at from consent
                         where state = 'GIVEN' and expiry_noticed_at is null and expires_at > now() and expires_at <= now() + cast(? as interval)""")
                .param(warning.toSeconds() + " seconds")
                .query((rs, row) -> new Expiring(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getTimestamp(3).toInstant()))
                .list()) {
            var purpose = purposes.anywhere(expiring.purpose());
            if (purpose.isEmpty()) {
                continue;
            }
            CitizenMail.Outcome outcome =
                    notices.send(new CitizenId(expiring.citizen()), Notice.CONSENT_EXPIRING, language -> new Object[] {
                        tenant.displayName(),
                        purpose.get().purpose().label().in(language),
                        DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                                .withLocale(Locale.forLanguageTag(language))
                                .format(expiring.expiresAt().atZone(PARIS)),
                        urls.page(tenant, "/my/consents#purpose-" + expiring.purpose())
                    });
            if (outcome != CitizenMail.Outcome.NOT_SENT) {
                city.jdbc()
                        .sql("update consent set expiry_noticed_at = now() where citizen_id = ? and purpose_id = ?")
                        .params(expiring.citizen(), expiring.purpose())
                        .update();
                handled++;
            }
        }
        return handled;
    }
}
