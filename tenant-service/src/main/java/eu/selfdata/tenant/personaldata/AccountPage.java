package eu.selfdata.tenant.personaldata;

import eu.selfdata.usecase.api.CurrentCitizen;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The portal page "my data and account": download the export, delete the account after typing the confirmation. */
@Controller
class AccountPage {

    private final Erasure erasure;
    private final CurrentCitizen citizen;

    AccountPage(Erasure erasure, CurrentCitizen citizen) {
        this.erasure = erasure;
        this.citizen = citizen;
    }

    @GetMapping("/my/account")
    String page() {
        return "portal/account";
    }

    @PostMapping("/my/account/delete")
    String delete(@RequestParam(defaultValue = "") String confirm, Model model) {
        if (!Erasure.CONFIRMATION.equals(confirm.strip())) {
            model.addAttribute("confirmWrong", true);
            return "portal/account";
        }
        JwtAuthenticationToken token =
                (JwtAuthenticationToken) SecurityContextHolder.getContext().getAuthentication();
        erasure.erase(citizen.require(), token.getToken().getSubject());
        return "portal/account-deleted";
    }
}
