package eu.selfdata.tenant.consent;

import eu.selfdata.tenant.problem.ProblemException;
import eu.selfdata.tenant.problem.ProblemType;
import eu.selfdata.usecase.api.CitizenId;
import eu.selfdata.usecase.api.ConsentPurpose;
import eu.selfdata.usecase.api.ConsentState;
import eu.selfdata.usecase.api.CurrentCitizen;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The signed-in citizen's consents: what is offered, what they decided, and the receipts. */
@RestController
@RequestMapping("/api/me")
class ConsentController {

    private final ConsentLedger ledger;
    private final PurposeCatalogue purposes;
    private final CurrentCitizen citizen;

    ConsentController(ConsentLedger ledger, PurposeCatalogue purposes, CurrentCitizen citizen) {
        this.ledger = ledger;
        this.purposes = purposes;
        this.citizen = citizen;
    }

    @GetMapping("/consents")
    List<PurposeView> consents(Locale locale) {
        CitizenId me = citizen.require();
        Map<String, ConsentDecision> decided = ledger.decisions(me).stream()
                .collect(Collectors.toMap(ConsentDecision::purposeId, Function.identity()));
        return purposes.offeredHere().stream()
                .map(offered -> PurposeView.of(offered, decided.get(offered.purpose().id()), locale.getLanguage()))
                .toList();
    }

    @PutMapping("/consents/{purposeId}")
    ConsentReceipt decide(@PathVariable String purposeId, @Valid @RequestBody Decision decision, Locale locale) {
        if (decision.decision() == ConsentState.WITHDRAWN) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, "To withdraw a consent, DELETE it");
        }
        return ledger.decide(citizen.require(), purposeId, decision.decision(), locale.getLanguage());
    }

    @DeleteMapping("/consents/{purposeId}")
    ConsentReceipt withdraw(@PathVariable String purposeId, Locale locale) {
        return ledger.withdraw(citizen.require(), purposeId, locale.getLanguage());
    }

    @GetMapping("/consent-receipts")
    List<ConsentReceipt> receipts() {
        return ledger.receipts(citizen.require());
    }

    @GetMapping("/consent-receipts/{receiptId}")
    ConsentReceipt receipt(@PathVariable UUID receiptId) {
        return ledger.receipt(citizen.require(), receiptId)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "No such receipt of yours"));
    }

    record Decision(@NotNull ConsentState decision) {
    }

    record PurposeView(String id, String module, String label, String description, String recipientKind, String recipient,
                       List<String> dataCategories, String duration, ConsentState state, Instant decidedAt, Instant expiresAt,
                       UUID receiptId) {

        static PurposeView of(PurposeCatalogue.OfferedPurpose offered, ConsentDecision decision, String language) {
            ConsentPurpose purpose = offered.purpose();
            return new PurposeView(purpose.id(), offered.module().id(), purpose.label().in(language),
                    purpose.description().in(language), purpose.recipient().kind().name(), purpose.recipient().name().in(language),
                    purpose.categoryIds(), purpose.duration().toString(),
                    decision == null ? null : decision.state(), decision == null ? null : decision.decidedAt(),
                    decision == null ? null : decision.expiresAt(), decision == null ? null : decision.receiptId());
        }
    }
}
