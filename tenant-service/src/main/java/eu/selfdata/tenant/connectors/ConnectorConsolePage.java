package eu.selfdata.tenant.connectors;

import eu.selfdata.connectors.ConnectorAdminController;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Optional;

/**
 * The city admin console's connectors: each instance of the city with its health, and the city's
 * open dead letters, each retried (as stored or corrected) or discarded. Everything goes through the
 * connector framework's admin API in-process, so the page makes exactly its checks (city admin, the
 * request's city only); a refusal re-renders the page with the problem's detail and status.
 */
@Controller
@RequestMapping("/admin/connectors")
class ConnectorConsolePage {

    private static final int SHOWN = 200;
    private final ConnectorAdminController connectors;

    ConnectorConsolePage(ConnectorAdminController connectors) {
        this.connectors = connectors;
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute("connectors", connectors.list());
        model.addAttribute("deadLetters", connectors.deadLetters(Optional.empty(), Optional.of("OPEN"), SHOWN));
        return "admin/connectors";
    }

    /** Retries the record as stored, or as corrected in {@code record} when the admin changed it. */
    @PostMapping("/dead-letters/{id}/retry")
    String retry(@PathVariable long id, @RequestParam Optional<String> record, Model model, HttpServletResponse response) {
        try {
            connectors.retry(id, new ConnectorAdminController.RetryRequest(record.filter(r -> !r.isBlank()).orElse(null)));
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
