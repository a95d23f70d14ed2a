package eu.selfdata.tenant.consent;

import eu.selfdata.tenant.problem.ProblemException;
import eu.selfdata.tenant.problem.ProblemType;
import eu.selfdata.usecase.api.ConsentState;
import eu.selfdata.usecase.api.CurrentCitizen;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in citizen's consents: what is offered, what they decided, and the receipts. */
@RestController
@RequestMapping("/api/me")
class ConsentController {

    private final ConsentLedger ledger;
    private final ConsentChoices choices;
    private final CurrentCitizen citizen;

    ConsentController(ConsentLedger ledger, ConsentChoices choices, CurrentCitizen citizen) {
        this.ledger = ledger;
        this.choices = choices;
        this.citizen = citizen;
    }

    @GetMapping("/consents")
    List<PurposeView> consents(Locale locale) {
        return choices.of(citizen.require(), locale.getLanguage());
    }

    @PutMapping("/consents/{purposeId}")
    SignedReceipt decide(@PathVariable String purposeId, @Valid @RequestBody Decision decision, Locale locale) {
        if (decision.decision() == ConsentState.WITHDRAWN) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, "To withdraw a consent, DELETE it");
        }
        return ledger.decide(citizen.require(), purposeId, decision.decision(), locale.getLanguage());
    }

    @DeleteMapping("/consents/{purposeId}")
    SignedReceipt withdraw(@PathVariable String purposeId, Locale locale) {
        return ledger.withdraw(citizen.require(), purposeId, locale.getLanguage());
    }

    @GetMapping("/consent-receipts")
    List<SignedReceipt> receipts() {
        return ledger.receipts(citizen.require());
    }

    @GetMapping("/consent-receipts/{receiptId}")
    SignedReceipt receipt(@PathVariable UUID receiptId) {
        return ledger.receipt(citizen.require(), receiptId)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "No such receipt of yours"));
    }

    record Decision(@NotNull ConsentState decision) {}
}
