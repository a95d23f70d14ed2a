package eu.selfdata.tenant.erasure;

import eu.selfdata.usecase.api.CurrentCitizen;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The portal page "my data and account": download the export, delete the account after typing the
 * confirmation; while an erasure is under way, its steps instead.
 */
@Controller
class AccountPage {

    private final ErasureSaga erasure;
    private final CurrentCitizen citizen;

    AccountPage(ErasureSaga erasure, CurrentCitizen citizen) {
        this.erasure = erasure;
        this.citizen = citizen;
    }

    @GetMapping("/my/account")
    String page(Model model) {
        return erasure.status(SignedInSubject.require())
                .map(status -> inProgress(status, model))
                .orElse("portal/account");
    }

    @PostMapping("/my/account/delete")
    String delete(@RequestParam(defaultValue = "") String confirm, Model model) {
        if (!ErasureSaga.CONFIRMATION.equals(confirm.strip())) {
            model.addAttribute("confirmWrong", true);
            return "portal/account";
        }
        ErasureStatus status = erasure.start(citizen.require(), SignedInSubject.require());
        return status.state() == ErasureStatus.State.DONE ? "portal/account-deleted" : inProgress(status, model);
    }

    private static String inProgress(ErasureStatus status, Model model) {
        model.addAttribute("erasure", status);
        return "portal/account-erasing";
    }
}
