package eu.selfdata.tenant.citizen;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import eu.selfdata.tenant.citydata.CityJdbc;
import eu.selfdata.tenant.problem.ProblemException;
import eu.selfdata.tenant.problem.ProblemType;
import eu.selfdata.usecase.api.CitizenId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Citizens' accounts in the current city, opened from the token subject on their first request.
 * Known accounts are cached, so a request costs one indexed read (is the subject erased?) and no
 * write; the cache entry's lifetime is also how often {@code last_seen_at} (active citizens) is refreshed. Whether the e-mail address is verified
 * is part of the cache key, so the first request after verification records it at once. An account
 * opened unverified is announced ({@link CitizenAccountOpened}): the identity feature asks for the
 * verification mail.
 */
@Component
public class CitizenAccounts {

    private final CityJdbc city;
    private final ApplicationEventPublisher events;
    private final Cache<String, CitizenId> known = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(Duration.ofMinutes(10))
            .build();

    CitizenAccounts(CityJdbc city, ApplicationEventPublisher events) {
        this.city = city;
        this.events = events;
    }

    /**
     * The citizen's id in the current city, opening the account when it is the first visit.
     *
     * @param emailVerified what the token says ({@code email_verified}), recorded with the account
     */
    public CitizenId open(String subject, boolean emailVerified) {
        refuseIfErased(subject);
        return known.get(
                key(subject, emailVerified),
                ignored -> city.transactions().execute(status -> findOrCreate(subject, emailVerified)));
    }

    public Optional<CitizenId> find(String subject) {
        return city.jdbc()
                .sql("select id from citizen where subject = ?")
                .param(subject)
                .query(UUID.class)
                .optional()
                .map(CitizenId::new);
    }

    /**
     * Refuses the subject from now on, on every replica: written when an erasure is requested (before any
     * data goes, so that no request re-opens the account half-way) and again by its steps. The subject is
     * remembered only as a hash, so that a token issued before cannot re-open the account; the hash outlives
     * its erasure by a day (longer than any token lives).
     */
    public void refuse(String subject) {
        city.jdbc().sql("""
                        delete from erased_subject e where erased_at < now() - interval '1 day'
                           and not exists (select 1 from erasure where subject_hash = e.subject_hash and state = 'RUNNING')""").update();
        city.jdbc()
                .sql("insert into erased_subject (subject_hash) values (?) on conflict do nothing")
                .param(hash(subject))
                .update();
        known.invalidate(key(subject, false));
        known.invalidate(key(subject, true));
    }

    private CitizenId findOrCreate(String subject, boolean emailVerified) {
        Optional<CitizenId> existing = find(subject);
        if (existing.isPresent()) {
            city.jdbc()
                    .sql("update citizen set last_seen_at = now(), email_verified = ? where id = ?")
                    .params(emailVerified, existing.get().value())
                    .update();
            return existing.get();
        }
        boolean opened = city.jdbc()
                        .sql(
                                "insert into citizen (id, subject, email_verified) values (?, ?, ?) on conflict (subject) do nothing")
                        .params(UUID.randomUUID(), subject, emailVerified)
                        .update()
                == 1;
        if (opened && !emailVerified) {
            events.publishEvent(new CitizenAccountOpened(city.city(), subject));
        }
        return find(subject).orElseThrow();
    }

    /**
     * One indexed read per request, cache or not: a replica that did not serve the erasure must refuse the
     * subject at once, not when its cache entry expires.
     */
    private void refuseIfErased(String subject) {
        boolean erased = city.jdbc()
                .sql("select exists (select 1 from erased_subject where subject_hash = ?)")
                .param(hash(subject))
                .query(Boolean.class)
                .single();
        if (erased) {
            throw new ProblemException(
                    ProblemType.ACCOUNT_ERASED,
                    "This account is erased or being erased (GET /api/me/erasure tells how far); sign in again to start a new one");
        }
    }

    private String key(String subject, boolean emailVerified) {
        return city.city() + '\u0000' + subject + (emailVerified ? "\u0000v" : "");
    }

    /** What the city keeps of an erased subject. */
    public static String hash(String subject) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(subject.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
