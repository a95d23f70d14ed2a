package eu.selfdata.tenant.personaldata;

import eu.selfdata.tenant.problem.ConfirmationRequiredException;
import eu.selfdata.usecase.api.CurrentCitizen;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Deletes the signed-in citizen's account and every row about them in this city. */
@RestController
class ErasureController {

    private final Erasure erasure;
    private final CurrentCitizen citizen;

    ErasureController(Erasure erasure, CurrentCitizen citizen) {
        this.erasure = erasure;
        this.citizen = citizen;
    }

    @DeleteMapping("/api/me")
    ResponseEntity<Void> erase(@RequestBody(required = false) Confirmation confirmation) {
        if (confirmation == null || !Erasure.CONFIRMATION.equals(confirmation.confirm())) {
            throw new ConfirmationRequiredException("Erasing your account cannot be undone: send {\"confirm\":\""
                    + Erasure.CONFIRMATION + "\"} (download your data first with GET /api/me/export)");
        }
        JwtAuthenticationToken token =
                (JwtAuthenticationToken) SecurityContextHolder.getContext().getAuthentication();
        erasure.erase(citizen.require(), token.getToken().getSubject());
        return ResponseEntity.noContent().build();
    }

    record Confirmation(String confirm) {}
}
