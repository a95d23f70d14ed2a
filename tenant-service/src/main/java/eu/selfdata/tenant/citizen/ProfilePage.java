package eu.selfdata.tenant.citizen;

import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/** The portal page "my profile", a form over {@link ProfileController}. */
@Controller
class ProfilePage {

    private final ProfileController profiles;

    ProfilePage(ProfileController profiles) {
        this.profiles = profiles;
    }

    @GetMapping("/my/profile")
    String page(Model model) {
        model.addAttribute("profile", profiles.profile());
        return "portal/profile";
    }

    @PostMapping("/my/profile")
    String save(@Valid @ModelAttribute ProfileUpdate update, BindingResult errors, Model model) {
        if (errors.hasErrors()) {
            model.addAttribute("profile", profiles.profile());
            model.addAttribute("errors", errors.getFieldErrors().stream().map(e -> e.getField() + ": " + e.getDefaultMessage()).toList());
            return "portal/profile";
        }
        model.addAttribute("profile", profiles.update(update));
        model.addAttribute("saved", true);
        return "portal/profile";
    }
}
