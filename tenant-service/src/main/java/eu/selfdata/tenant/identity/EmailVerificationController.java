package eu.selfdata.tenant.identity;

import eu.selfdata.identity.CityClaims;
import eu.selfdata.tenant.problem.ProblemException;
import eu.selfdata.tenant.problem.ProblemType;
import eu.selfdata.tenant.tenancy.TenantContext;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/me/email-verification}: a citizen asks again for the mail that verifies their address (202),
 * in their own city only (the token was checked against the host's city). 409 when already verified, 429 when
 * asked within the last minutes.
 */
@RestController
@ConditionalOnProperty("selfdata.keycloak.url")
class EmailVerificationController {

    private final EmailVerificationMails mails;

    EmailVerificationController(EmailVerificationMails mails) {
        this.mails = mails;
    }

    @PostMapping("/api/me/email-verification")
    ResponseEntity<Void> resend(@AuthenticationPrincipal Jwt token) {
        if (token == null) {
            throw new ProblemException(ProblemType.UNAUTHENTICATED, "Sign in as a citizen of this city");
        }
        if (CityClaims.of(token.getClaims()).emailVerified()) {
            throw new ProblemException(ProblemType.ALREADY_VERIFIED, "Your e-mail address is already verified");
        }
        if (!mails.request(TenantContext.require().slug(), token.getSubject())) {
            throw new ProblemException(
                    ProblemType.TOO_MANY_REQUESTS,
                    "A verification mail was sent a moment ago; wait " + EmailVerificationMails.MINUTES_BETWEEN
                            + " minutes before asking again");
        }
        return ResponseEntity.accepted().build();
    }
}
