package eu.selfdata.keycloak.extensions;

import java.util.List;
import java.util.Optional;

/**
 * The eIDAS levels of assurance FranceConnect returns as {@code acr}: {@code eidas1} (low) below {@code eidas2}
 * (substantial) below {@code eidas3} (high). Anything else is no level at all, below every one of them.
 */
final class AssuranceLevel {

    static final List<String> LEVELS = List.of("eidas1", "eidas2", "eidas3");

    private AssuranceLevel() {}

    /** Whether {@code returned} (the id token's acr, maybe null) is at least {@code required}. */
    static boolean meets(String returned, String required) {
        int requiredRank = LEVELS.indexOf(required);
        return requiredRank >= 0
                && rank(returned).filter(rank -> rank >= requiredRank).isPresent();
    }

    private static Optional<Integer> rank(String acr) {
        int rank = acr == null ? -1 : LEVELS.indexOf(acr);
        return rank < 0 ? Optional.empty() : Optional.of(rank);
    }
}
