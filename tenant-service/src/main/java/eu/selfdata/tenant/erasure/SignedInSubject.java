package eu.selfdata.tenant.erasure;

import eu.selfdata.tenant.problem.ProblemException;
import eu.selfdata.tenant.problem.ProblemType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** The identity server's subject of the request's token: how an account being erased is still recognised. */
final class SignedInSubject {

    private SignedInSubject() {}

    static String require() {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token) {
            return token.getToken().getSubject();
        }
        throw new ProblemException(ProblemType.UNAUTHENTICATED, "Sign in as a citizen of this city");
    }
}
