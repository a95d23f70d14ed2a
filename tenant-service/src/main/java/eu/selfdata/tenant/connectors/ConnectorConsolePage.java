package eu.selfdata.tenant.connectors;

import eu.selfdata.connectors.ConnectorAdministration;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The city admin console's connectors: each instance of the city with its health and a settings
 * form generated from the template's declared types, and the city's open dead letters, each
 * retried (as stored or corrected) or discarded. Everything goes through the connector framework's
 * {@link ConnectorAdministration}, so the page makes exactly the API's checks (city admin, the
 * request's city only, every setting against its type); a refusal re-renders the page with the
 * problem's detail and status, and the refused form keeps what the admin typed.
 */
@Controller
@RequestMapping("/admin/connectors")
class ConnectorConsolePage {

    private static final int SHOWN = 200;
    private static final String SETTING = "setting.";
    private static final String CLEAR = "clear.";

    private final ConnectorAdministration connectors;

    ConnectorConsolePage(ConnectorAdministration connectors) {
        this.connectors = connectors;
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute("connectors", connectors.list());
        model.addAttribute("deadLetters", connectors.deadLetters(Optional.empty(), Optional.of("OPEN"), SHOWN));
        return "admin/connectors";
    }

    /**
     * Saves a connector's form: fields {@code setting.{name}} (an empty field returns the setting to
     * its default; an empty password field keeps the secret unless {@code clear.{name}} is ticked)
     * and the {@code enabled} checkbox.
     */
    @PostMapping("/{template}")
    String configure(
            @PathVariable String template,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            HttpServletResponse response) {
        Map<String, String> settings = new HashMap<>();
        form.forEach((field, values) -> {
            if (field.startsWith(SETTING) && !values.isEmpty()) {
                settings.put(field.substring(SETTING.length()), values.getFirst());
            }
        });
        connectors.list().stream()
                .filter(view -> view.template().equals(template))
                .findFirst()
                .ifPresent(view -> view.settings().stream()
                        .filter(ConnectorAdministration.SettingView::secret)
                        .forEach(secret -> {
                            if (form.containsKey(CLEAR + secret.name())) {
                                settings.put(secret.name(), "");
                            } else if (settings.getOrDefault(secret.name(), "").isEmpty()) {
                                settings.remove(secret.name());
                            }
                        }));
        try {
            connectors.configure(
                    template, new ConnectorAdministration.ConnectorChange(form.containsKey("enabled"), settings));
            return "redirect:/admin/connectors?done=saved#connector-" + template;
        } catch (ErrorResponseException e) {
            model.addAttribute("refusedTemplate", template);
            model.addAttribute(
                    "refusedSetting",
                    e.getBody().getProperties() == null
                            ? null
                            : e.getBody().getProperties().get("setting"));
            model.addAttribute("typed", settings);
            return refused(e, model, response);
        }
    }

    /** Retries the record as stored, or as corrected in {@code record} when the admin changed it. */
    @PostMapping("/dead-letters/{id}/retry")
    String retry(
            @PathVariable long id, @RequestParam Optional<String> record, Model model, HttpServletResponse response) {
        try {
            connectors.retry(id, record.filter(r -> !r.isBlank()));
            return "redirect:/admin/connectors?done=retried";
        } catch (ErrorResponseException e) {
            return refused(e, model, response);
        }
    }

    @PostMapping("/dead-letters/{id}/discard")
    String discard(@PathVariable long id, Model model, HttpServletResponse response) {
        try {
            connectors.discard(id);
            return "redirect:/admin/connectors?done=discarded";
        } catch (ErrorResponseException e) {
            return refused(e, model, response);
        }
    }

    private String refused(ErrorResponseException e, Model model, HttpServletResponse response) {
        response.setStatus(e.getStatusCode().value());
        model.addAttribute("error", e.getBody().getDetail());
        return page(model);
    }
}
