package eu.selfdata.tenant.onboarding;

import eu.selfdata.contract.InvalidCitySlugException;
import eu.selfdata.tenant.registry.Branding;
import eu.selfdata.tenant.registry.NewTenant;
import eu.selfdata.tenant.registry.TenantAlreadyExistsException;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The coordinator console on the platform host (role platform-coordinator, as all of /platform/**):
 * cities with status and onboarding health, onboarding with the saga's steps refreshed live (htmx
 * polls the steps fragment until the city is no longer provisioning), suspend and resume.
 */
@Controller
@RequestMapping("/platform/console")
class CoordinatorConsolePage {

    private final CityLifecycle cities;
    private final Validator validator;

    CoordinatorConsolePage(CityLifecycle cities, Validator validator) {
        this.cities = cities;
        this.validator = validator;
    }

    @GetMapping
    String cities(Model model) {
        model.addAttribute(
                "cities",
                cities.list().stream().map(tenant -> cities.show(tenant.slug())).toList());
        return "console/cities";
    }

    @PostMapping
    String onboard(
            @RequestParam String slug,
            @RequestParam String displayName,
            @RequestParam String primaryColor,
            @RequestParam String secondaryColor,
            @RequestParam(defaultValue = "fr") String defaultLanguage,
            @RequestParam(required = false) String adminEmail,
            Model model) {
        NewTenant request = new NewTenant(
                slug.strip(),
                displayName.strip(),
                0,
                List.of(),
                new Branding(primaryColor, secondaryColor, null, defaultLanguage),
                Set.of(),
                adminEmail == null || adminEmail.isBlank() ? null : adminEmail.strip(),
                null);
        List<String> errors = validator.validate(request).stream()
                .map(violation -> violation.getPropertyPath() + " " + violation.getMessage())
                .sorted()
                .toList();
        if (errors.isEmpty()) {
            try {
                cities.onboard(request);
                return "redirect:/platform/console/" + request.slug();
            } catch (InvalidCitySlugException | TenantAlreadyExistsException e) {
                errors = List.of(e.getMessage());
            }
        }
        model.addAttribute("errors", errors);
        return cities(model);
    }

    @GetMapping("/{slug}")
    String city(@PathVariable String slug, Model model) {
        model.addAttribute("view", cities.show(slug));
        return "console/city";
    }

    /** The steps alone, polled by the city page while onboarding runs. */
    @GetMapping("/{slug}/steps")
    String steps(@PathVariable String slug, Model model) {
        model.addAttribute("view", cities.show(slug));
        return "console/city :: steps";
    }

    @PostMapping("/{slug}/suspend")
    String suspend(@PathVariable String slug) {
        cities.suspend(slug);
        return "redirect:/platform/console/" + slug;
    }

    @PostMapping("/{slug}/resume")
    String resume(@PathVariable String slug) {
        cities.resume(slug);
        return "redirect:/platform/console/" + slug;
    }
}
