package eu.selfdata.tenant.consent;

import eu.selfdata.usecase.api.ConsentState;
import eu.selfdata.usecase.api.CurrentCitizen;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import java.util.Locale;

/** The portal page "my consents": the same decisions as {@link ConsentController}, with forms. */
@Controller
@RequestMapping("/my/consents")
class ConsentPage {

    private final ConsentController consents;
    private final ConsentLedger ledger;
    private final CurrentCitizen citizen;

    ConsentPage(ConsentController consents, ConsentLedger ledger, CurrentCitizen citizen) {
        this.consents = consents;
        this.ledger = ledger;
        this.citizen = citizen;
    }

    @GetMapping
    String page(Model model, Locale locale) {
        model.addAttribute("purposes", consents.consents(locale));
        model.addAttribute("receipts", ledger.receipts(citizen.require()).reversed());
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
