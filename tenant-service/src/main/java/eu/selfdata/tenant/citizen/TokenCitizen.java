package eu.selfdata.tenant.citizen;

import eu.selfdata.tenant.problem.ProblemException;
import eu.selfdata.tenant.problem.ProblemType;
import eu.selfdata.usecase.api.CitizenId;
import eu.selfdata.usecase.api.CurrentCitizen;
import org.springframework.security.core.context.SecurityContextHolder;
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
        return accounts.open(subject());
    }

    /** The identity server's subject of the request's token. */
    static String subject() {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token) {
            return token.getToken().getSubject();
        }
        throw new ProblemException(ProblemType.UNAUTHENTICATED, "Sign in as a citizen of this city");
    }
}
