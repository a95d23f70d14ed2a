package eu.selfdata.governance.costsharing;

import eu.selfdata.governance.access.Caller;
import eu.selfdata.governance.costsharing.domain.Cents;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * A partner's statement for a period as JSON, CSV (for accounting software) or a printable HTML page
 * (the browser prints it to PDF), chosen by {@code Accept}.
 */
@Controller
class StatementController {

    private static final String PATH = "/governance/periods/{periodId}/statements/{partnerId}";
    private final CostSharing costSharing;

    StatementController(CostSharing costSharing) {
        this.costSharing = costSharing;
    }

    @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Statement json(Caller caller, @PathVariable UUID periodId, @PathVariable UUID partnerId) {
        return costSharing.statement(caller, periodId, partnerId);
    }

    @GetMapping(path = PATH, produces = "text/csv")
    ResponseEntity<String> csv(Caller caller, @PathVariable UUID periodId, @PathVariable UUID partnerId) {
        Statement statement = costSharing.statement(caller, periodId, partnerId);
        String rows = statement.lines().stream()
                .map(line -> String.join(
                        ",",
                        csv(statement.period()),
                        csv(statement.partner()),
                        csv(line.category()),
                        csv(line.label()),
                        csv(line.key()),
                        Cents.format(line.lineAmountCents()),
                        Cents.format(line.shareCents())))
                .collect(Collectors.joining("\r\n"));
        String body = "period,partner,category,label,key,line_amount_eur,share_eur\r\n" + rows
                + (rows.isEmpty() ? "" : "\r\n")
                + String.join(
                        ",",
                        csv(statement.period()),
                        csv(statement.partner()),
                        csv("total"),
                        csv(""),
                        csv(""),
                        "",
                        statement.total())
                + "\r\n";
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"statement-" + periodId + "-" + partnerId + ".csv\"")
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .body(body);
    }

    /** The CSV for a plain link (a browser sends {@code Accept: text/html}): {@code ?format=csv}. */
    @GetMapping(path = PATH, params = "format=csv")
    ResponseEntity<String> csvLink(Caller caller, @PathVariable UUID periodId, @PathVariable UUID partnerId) {
        return csv(caller, periodId, partnerId);
    }

    @GetMapping(path = PATH, produces = MediaType.TEXT_HTML_VALUE)
    String html(Caller caller, @PathVariable UUID periodId, @PathVariable UUID partnerId, Model model) {
        model.addAttribute("statement", costSharing.statement(caller, periodId, partnerId));
        return "statement";
    }

    /** RFC 4180 quoting; a leading formula character is defused for spreadsheets. */
    private static String csv(String value) {
        String safe = value == null ? "" : value;
        if (!safe.isEmpty() && "=+-@".indexOf(safe.charAt(0)) >= 0) {
            safe = "'" + safe;
        }
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
