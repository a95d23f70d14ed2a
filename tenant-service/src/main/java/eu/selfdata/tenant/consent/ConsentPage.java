package eu.selfdata.tenant.consent;

import eu.selfdata.usecase.api.CitizenId;
import eu.selfdata.usecase.api.ConsentState;
import eu.selfdata.usecase.api.CurrentCitizen;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The portal page "my consents": the decisions of {@code /api/me/consents} as forms, over the same services. */
@Controller
@RequestMapping("/my/consents")
class ConsentPage {

    private final ConsentChoices choices;
    private final ConsentLedger ledger;
    private final CurrentCitizen citizen;

    ConsentPage(ConsentChoices choices, ConsentLedger ledger, CurrentCitizen citizen) {
        this.choices = choices;
        this.ledger = ledger;
        this.citizen = citizen;
    }

    @GetMapping
    String page(Model model, Locale locale) {
        CitizenId me = citizen.require();
        model.addAttribute("purposes", choices.of(me, locale.getLanguage()));
        model.addAttribute(
                "receipts",
                ledger.receipts(me).stream()
                        .map(SignedReceipt::receipt)
                        .toList()
                        .reversed());
        return "portal/consents";
    }

    @PostMapping("/{purposeId}/give")
    String give(@PathVariable String purposeId, Locale locale) {
        ledger.decide(citizen.require(), purposeId, ConsentState.GIVEN, locale.getLanguage());
        return "redirect:/my/consents";
    }

    @PostMapping("/{purposeId}/refuse")
    String refuse(@PathVariable String purposeId, Locale locale) {
        ledger.decide(citizen.require(), purposeId, ConsentState.REFUSED, locale.getLanguage());
        return "redirect:/my/consents";
    }

    @PostMapping("/{purposeId}/withdraw")
    String withdraw(@PathVariable String purposeId, Locale locale) {
        ledger.withdraw(citizen.require(), purposeId, locale.getLanguage());
        return "redirect:/my/consents";
    }
}
