package eu.selfdata.identity;

import eu.selfdata.contract.problem.PlatformProblem;
import org.springframework.http.HttpStatus;

/**
 * Architecture rule 11: an account counts as a person (a city's panels and stop votes, bin links, active
 * citizens in the usage figures) only once its e-mail address is verified ({@link CityClaims#emailVerified()}).
 * An unverified account still reaches its own data; what would let one person count several times answers
 * this problem.
 */
public final class VerifiedPerson {

    public static final PlatformProblem PROBLEM =
            new PlatformProblem.Definition("email-not-verified", "E-mail address not verified", HttpStatus.FORBIDDEN);

    private VerifiedPerson() {}

    /** The services' detail: what counts only for verified accounts, and how to become one. */
    public static String detail(String what) {
        return what + " needs a verified e-mail address: follow the link of the mail sent when the account was created"
                + " (or ask for a new one on your profile page)";
    }
}
