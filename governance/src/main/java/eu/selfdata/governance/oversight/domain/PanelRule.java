package eu.selfdata.governance.oversight.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Who may sit on a pilot's citizen panel, fixed by the coordinator when the pilot starts. A verified e-mail address
 * is always needed (checked before this rule); on top of it the account may have to exist before the pilot started
 * (accounts made to pack a panel once the pilot is known do not count) and be at least some days old when joining.
 * Both read the account's creation time as the identity server recorded it; a rule that needs it refuses an
 * account whose creation time is unknown.
 *
 * @param accountBeforeStart     the account was created before the pilot started
 * @param minimumAccountAgeDays  the account is at least this many days old when joining; null for no minimum
 */
public record PanelRule(boolean accountBeforeStart, Integer minimumAccountAgeDays) {

    public static final int MAX_AGE_DAYS = 3650;
    public static final PanelRule VERIFIED_ONLY = new PanelRule(false, null);

    public PanelRule {
        if (minimumAccountAgeDays != null && (minimumAccountAgeDays < 1 || minimumAccountAgeDays > MAX_AGE_DAYS)) {
            throw new IllegalArgumentException("minimumAccountAgeDays is between 1 and " + MAX_AGE_DAYS);
        }
    }

    /** Why an account may not join. */
    public enum Refusal {
        CREATION_TIME_UNKNOWN,
        CREATED_AFTER_START,
        ACCOUNT_TOO_RECENT
    }

    /**
     * @param accountCreated when the account was created, or null when unknown
     * @return why the account may not join, or empty when it may
     */
    public Optional<Refusal> refusal(Instant accountCreated, Instant pilotStarted, Instant now) {
        if (!accountBeforeStart && minimumAccountAgeDays == null) {
            return Optional.empty();
        }
        if (accountCreated == null) {
            return Optional.of(Refusal.CREATION_TIME_UNKNOWN);
        }
        // the token gives whole seconds: an account of the pilot's very second counts as created after it
        if (accountBeforeStart && !accountCreated.isBefore(pilotStarted.truncatedTo(ChronoUnit.SECONDS))) {
            return Optional.of(Refusal.CREATED_AFTER_START);
        }
        if (minimumAccountAgeDays != null
                && Duration.between(accountCreated, now).compareTo(Duration.ofDays(minimumAccountAgeDays)) < 0) {
            return Optional.of(Refusal.ACCOUNT_TOO_RECENT);
        }
        return Optional.empty();
    }

    /** The rule in words, for the refusal's detail. */
    public String describe() {
        StringBuilder text = new StringBuilder("a verified e-mail address");
        if (accountBeforeStart) {
            text.append(", an account created before the pilot started");
        }
        if (minimumAccountAgeDays != null) {
            text.append(", an account at least ").append(minimumAccountAgeDays).append(" day(s) old");
        }
        return text.toString();
    }
}
