package eu.selfdata.tenant.citizen;

import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/** The portal page "my profile": the form of {@code /api/me}, over the same {@link Profiles}. */
@Controller
class ProfilePage {

    private final TokenCitizen citizen;
    private final Profiles profiles;

    ProfilePage(TokenCitizen citizen, Profiles profiles) {
        this.citizen = citizen;
        this.profiles = profiles;
    }

    @GetMapping("/my/profile")
    String page(Model model) {
        model.addAttribute("profile", profiles.of(citizen.require()));
        return "portal/profile";
    }

    @PostMapping("/my/profile")
    String save(@Valid @ModelAttribute ProfileUpdate update, BindingResult errors, Model model) {
        if (errors.hasErrors()) {
            model.addAttribute("profile", profiles.of(citizen.require()));
            model.addAttribute(
                    "errors",
                    errors.getFieldErrors().stream()
                            .map(e -> e.getField() + ": " + e.getDefaultMessage())
                            .toList());
            return "portal/profile";
        }
        model.addAttribute("profile", profiles.update(citizen.require(), update));
        model.addAttribute("saved", true);
        return "portal/profile";
    }
}
