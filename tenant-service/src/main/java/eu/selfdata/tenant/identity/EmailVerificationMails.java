package eu.selfdata.tenant.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import eu.selfdata.tenant.citizen.CitizenAccountOpened;
import eu.selfdata.tenant.registry.TenantRegistry;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Rule 11 in practice: a citizen whose account opens unverified is mailed the verification link at once, in the
 * city's name; they may ask again from their profile, at most once every {@value #MINUTES_BETWEEN} minutes (a
 * script cannot make the platform mail an address over and over). Signing in never waits for it: the mail is
 * asked for on a virtual thread once the account's transaction committed.
 */
@Component
@ConditionalOnProperty("selfdata.keycloak.url")
public class EmailVerificationMails {

    static final int MINUTES_BETWEEN = 5;
    private static final Logger log = LoggerFactory.getLogger(EmailVerificationMails.class);

    private final CityIdentity identity;
    private final TenantRegistry registry;
    private final Cache<String, Boolean> asked = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(Duration.ofMinutes(MINUTES_BETWEEN))
            .build();

    EmailVerificationMails(CityIdentity identity, TenantRegistry registry) {
        this.identity = identity;
        this.registry = registry;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(CitizenAccountOpened opened) {
        request(opened.city(), opened.subject());
    }

    /** @return false when one was asked for this person in this city within the last minutes */
    public boolean request(String city, String subject) {
        if (asked.asMap().putIfAbsent(city + '\u0000' + subject, Boolean.TRUE) != null) {
            return false;
        }
        Thread.startVirtualThread(() -> {
            try {
                identity.requestEmailVerification(registry.get(city), subject);
            } catch (WebApplicationException | ProcessingException e) {
                log.warn("Verification mail for a citizen of {} not sent: {}", city, e.getMessage());
            }
        });
        return true;
    }
}
