package eu.selfdata.tenant.notices;

/**
 * A notice the platform mails a citizen. A citizen may turn off every notice that is not legally required
 * ({@code citizen.optional_notices}); the answer to their own erasure request is owed to them (GDPR art. 12(3))
 * and always sent. Texts: {@code notice.<key>.subject} and {@code .body} in the portal's message bundle.
 */
public enum Notice {
    PILOT_STOPPED("pilot-stopped", false),
    CONSENT_EXPIRING("consent-expiring", false),
    /** Sent whatever the settings: the account is erased after it unless the citizen signs in. */
    ACCOUNT_INACTIVE("account-inactive", true),
    ACCOUNT_ERASED("account-erased", true),
    /** The end of an unused account, after {@link #ACCOUNT_INACTIVE}: told, since the citizen did not ask for it. */
    ACCOUNT_ERASED_INACTIVE("account-erased-inactive", true);

    private final String key;
    private final boolean legallyRequired;

    Notice(String key, boolean legallyRequired) {
        this.key = key;
        this.legallyRequired = legallyRequired;
    }

    String subjectKey() {
        return "notice." + key + ".subject";
    }

    String bodyKey() {
        return "notice." + key + ".body";
    }

    boolean legallyRequired() {
        return legallyRequired;
    }
}
