package eu.selfdata.tenant.branding;

import eu.selfdata.tenant.branding.domain.Contrast;
import eu.selfdata.tenant.branding.domain.LogoCheck;
import eu.selfdata.tenant.registry.CityPolicies;
import eu.selfdata.tenant.tenancy.TenantContext;
import java.io.IOException;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The city admin console (role city-admin of this city): colours refused below WCAG AA contrast, default language,
 * logo checked by its bytes, modules enabled, the city's k. Errors re-render the page with a message
 * and a 4xx status; nothing stored changes.
 */
@Controller
@RequestMapping("/admin")
class AdminConsolePage {

    private static final Pattern COLOUR = Pattern.compile("^#[0-9a-fA-F]{6}$");
    private static final Set<String> LANGUAGES = Set.of("fr", "en");

    private final CityBranding branding;
    private final CityPolicies policies;

    AdminConsolePage(CityBranding branding, CityPolicies policies) {
        this.branding = branding;
        this.policies = policies;
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute("minGroupSize", policies.minGroupSize(slug()));
        model.addAttribute("minGroupSizeFloor", CityPolicies.MIN_GROUP_SIZE_FLOOR);
        return "portal/admin";
    }

    @PostMapping("/branding")
    String look(
            @RequestParam String primaryColor,
            @RequestParam String secondaryColor,
            @RequestParam String defaultLanguage,
            Model model) {
        if (!COLOUR.matcher(primaryColor).matches()
                || !COLOUR.matcher(secondaryColor).matches()) {
            return refused(model, "admin.colourFormat", null);
        }
        if (!LANGUAGES.contains(defaultLanguage)) {
            return refused(model, "admin.languageUnknown", null);
        }
        Contrast contrast = Contrast.between(primaryColor, secondaryColor);
        if (!contrast.meetsAa()) {
            return refused(model, "admin.contrastTooLow", String.format("%.2f", contrast.ratio()));
        }
        branding.setLook(slug(), primaryColor.toLowerCase(), secondaryColor.toLowerCase(), defaultLanguage);
        return "redirect:/admin?saved=branding";
    }

    @PostMapping("/logo")
    String logo(@RequestParam MultipartFile logo, Model model) throws IOException {
        if (logo.getSize() > LogoCheck.MAX_BYTES) {
            return refused(model, "admin.logoTooLarge", null);
        }
        byte[] content = logo.getBytes();
        var type = LogoCheck.imageType(content);
        if (type.isEmpty()) {
            return refused(model, "admin.logoType", null);
        }
        branding.setLogo(slug(), type.get(), content);
        return "redirect:/admin?saved=logo";
    }

    @PostMapping("/privacy")
    String privacy(@RequestParam int minGroupSize, Model model) {
        if (minGroupSize < CityPolicies.MIN_GROUP_SIZE_FLOOR) {
            return refused(model, "admin.kTooLow", String.valueOf(CityPolicies.MIN_GROUP_SIZE_FLOOR));
        }
        policies.setMinGroupSize(slug(), minGroupSize);
        return "redirect:/admin?saved=privacy";
    }

    private String refused(Model model, String message, String detail) {
        model.addAttribute("error", message);
        model.addAttribute("errorDetail", detail);
        return page(model);
    }

    private static String slug() {
        return TenantContext.require().slug();
    }
}
