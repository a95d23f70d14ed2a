package eu.selfdata.tenant.retention;

import eu.selfdata.tenant.citydata.CityJdbc;
import eu.selfdata.tenant.erasure.ErasureSaga;
import eu.selfdata.tenant.identity.PublicUrls;
import eu.selfdata.tenant.notices.CitizenNotices;
import eu.selfdata.tenant.notices.Notice;
import eu.selfdata.tenant.registry.Tenant;
import eu.selfdata.tenant.registry.TenantRegistry;
import eu.selfdata.usecase.api.CitizenId;
import eu.selfdata.usecase.api.CitizenMail;
import eu.selfdata.usecase.api.LocalizedText;
import eu.selfdata.usecase.api.RetentionRule;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Accounts not used for the period (default 3 years): a warning mail first, then, after
 * {@code selfdata.retention.inactive-account-grace} (default 30 days) without a sign-in, erasure through the
 * citizen's own erasure entry point. A sign-in after the warning ({@code last_seen_at} later) cancels it; a new
 * period of inactivity warns again.
 */
@Component
class InactiveAccounts {

    static final String RULE = "inactive-accounts";
    private static final Logger log = LoggerFactory.getLogger(InactiveAccounts.class);
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final CityJdbc city;
    private final CitizenNotices notices;
    private final ErasureSaga erasure;
    private final TenantRegistry registry;
    private final PublicUrls urls;
    private final Duration grace;

    InactiveAccounts(
            CityJdbc city,
            CitizenNotices notices,
            ErasureSaga erasure,
            TenantRegistry registry,
            PublicUrls urls,
            @Value("${selfdata.retention.inactive-account-grace:30d}") Duration grace) {
        this.city = city;
        this.notices = notices;
        this.erasure = erasure;
        this.registry = registry;
        this.urls = urls;
        this.grace = grace;
    }

    /** The rule as the purge job sees it (an account without an address is erased after the grace period untold). */
    RetentionRule rule() {
        return new RetentionRule(
                RULE,
                "account",
                new LocalizedText(
                        "Comptes inutilisés : avertissement, puis effacement",
                        "Unused accounts: a warning, then erasure"),
                3 * 365,
                3 * 365,
                List.of("citizen"),
                this::purge);
    }

    private RetentionRule.Purged purge(Instant now, Instant cutoff) {
        Tenant tenant = registry.get(city.city());
        warn(tenant, now, cutoff);
        record Inactive(UUID id, String subject) {}
        List<Inactive> due = city.jdbc()
                .sql("""
                        select id, subject from citizen
                         where inactivity_warned_at < ? and last_seen_at < inactivity_warned_at and last_seen_at < ?""")
                .params(Timestamp.from(now.minus(grace)), Timestamp.from(cutoff))
                .query((rs, row) -> new Inactive(rs.getObject(1, UUID.class), rs.getString(2)))
                .list();
        long erased = 0;
        for (Inactive account : due) {
            try {
                erasure.eraseUnused(new CitizenId(account.id()), account.subject());
                erased++;
            } catch (RuntimeException e) {
                log.warn("Inactive account of {} not erased yet: {}", tenant.slug(), e.getMessage());
            }
        }
        return RetentionRule.Purged.of(erased);
    }

    private void warn(Tenant tenant, Instant now, Instant cutoff) {
        long days = Duration.between(cutoff, now).toDays();
        List<UUID> unwarned = city.jdbc()
                .sql("""
                        select id from citizen where last_seen_at < ?
                           and (inactivity_warned_at is null or inactivity_warned_at < last_seen_at)""")
                .param(Timestamp.from(cutoff))
                .query(UUID.class)
                .list();
        for (UUID citizen : unwarned) {
            CitizenMail.Outcome outcome =
                    notices.send(new CitizenId(citizen), Notice.ACCOUNT_INACTIVE, language -> new Object[] {
                        tenant.displayName(),
                        DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                                .withLocale(Locale.forLanguageTag(language))
                                .format(now.plus(grace).atZone(PARIS)),
                        days,
                        urls.page(tenant, "/")
                    });
            if (outcome == CitizenMail.Outcome.NOT_SENT) {
                continue; // the mail server failed: told at the next purge, erased only after the warning
            }
            city.jdbc()
                    .sql("update citizen set inactivity_warned_at = ? where id = ?")
                    .params(Timestamp.from(now), citizen)
                    .update();
        }
    }
}
