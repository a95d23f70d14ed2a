package eu.selfdata.tenant.erasure;

import eu.selfdata.tenant.problem.ConfirmationRequiredException;
import eu.selfdata.tenant.problem.ProblemException;
import eu.selfdata.tenant.problem.ProblemType;
import eu.selfdata.usecase.api.CurrentCitizen;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Erases the signed-in citizen's account and everything about them in this city: 202 with the saga's state
 * (often already DONE); while it is in progress the citizen still signs in and reads how far it is.
 */
@RestController
class ErasureController {

    private final ErasureSaga erasure;
    private final CurrentCitizen citizen;

    ErasureController(ErasureSaga erasure, CurrentCitizen citizen) {
        this.erasure = erasure;
        this.citizen = citizen;
    }

    @DeleteMapping("/api/me")
    ResponseEntity<ErasureStatus> erase(@RequestBody(required = false) Confirmation confirmation) {
        if (confirmation == null || !ErasureSaga.CONFIRMATION.equals(confirmation.confirm())) {
            throw new ConfirmationRequiredException("Erasing your account cannot be undone: send {\"confirm\":\""
                    + ErasureSaga.CONFIRMATION + "\"} (download your data first with GET /api/me/export)");
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(erasure.start(citizen.require(), SignedInSubject.require()));
    }

    /** The erasure under way, read with the token of the account being erased (no account is opened for it). */
    @GetMapping("/api/me/erasure")
    ErasureStatus progress() {
        return erasure.status(SignedInSubject.require())
                .orElseThrow(
                        () -> new ProblemException(ProblemType.NOT_FOUND, "No erasure of your account is under way"));
    }

    record Confirmation(String confirm) {}
}
