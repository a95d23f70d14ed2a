package eu.selfdata.tenant.citizen;

import eu.selfdata.identity.CityClaims;
import eu.selfdata.identity.VerifiedPerson;
import eu.selfdata.tenant.problem.ProblemException;
import eu.selfdata.tenant.problem.ProblemType;
import eu.selfdata.usecase.api.CitizenId;
import eu.selfdata.usecase.api.CurrentCitizen;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/** The citizen behind the request's access token, in the city of the request. */
@Component
class TokenCitizen implements CurrentCitizen {

    private final CitizenAccounts accounts;

    TokenCitizen(CitizenAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public CitizenId require() {
        Jwt token = token();
        return accounts.open(
                token.getSubject(), CityClaims.of(token.getClaims()).emailVerified());
    }

    @Override
    public CitizenId requireVerified() {
        if (!verified()) {
            throw VerifiedPerson.PROBLEM.exception(VerifiedPerson.detail("This"));
        }
        return require();
    }

    /** Whether the request's citizen has a verified e-mail address (rule 11). */
    boolean verified() {
        return CityClaims.of(token().getClaims()).emailVerified();
    }

    /** The identity server's subject of the request's token. */
    static String subject() {
        return token().getSubject();
    }

    private static Jwt token() {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token) {
            return token.getToken();
        }
        throw new ProblemException(ProblemType.UNAUTHENTICATED, "Sign in as a citizen of this city");
    }
}
