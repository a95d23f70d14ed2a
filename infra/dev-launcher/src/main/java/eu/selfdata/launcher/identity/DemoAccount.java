package eu.selfdata.launcher.identity;

import java.util.Optional;

/**
 * A person's account of the dev run, printed in the summary.
 *
 * @param city     slug of the city the account belongs to; empty for the coordinator
 * @param password empty when the launcher no longer knows it (a city admin who changed the temporary one)
 * @param temporary the password must be changed at first sign-in
 */
public record DemoAccount(
        Kind kind,
        Optional<String> city,
        String login,
        Optional<String> password,
        boolean temporary,
        String signInUrl) {

    public enum Kind {
        COORDINATOR,
        CITY_ADMIN,
        CITIZEN
    }
}
