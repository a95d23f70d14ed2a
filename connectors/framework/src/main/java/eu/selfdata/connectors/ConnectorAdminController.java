package eu.selfdata.connectors;

import java.util.List;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The city admin's connector API; {@link ConnectorAdministration} makes every check. */
@RestController
@RequestMapping("/api/connectors")
class ConnectorAdminController {

    private final ConnectorAdministration administration;

    ConnectorAdminController(ConnectorAdministration administration) {
        this.administration = administration;
    }

    @GetMapping
    List<ConnectorAdministration.ConnectorView> list() {
        return administration.list();
    }

    @PutMapping("/{template}")
    ConnectorAdministration.ConnectorView configure(
            @PathVariable String template, @RequestBody ConnectorAdministration.ConnectorChange change) {
        return administration.configure(template, change);
    }

    @GetMapping("/dead-letters")
    List<DeadLetter> deadLetters(
            @RequestParam Optional<String> template,
            @RequestParam Optional<String> status,
            @RequestParam(defaultValue = "100") int limit) {
        return administration.deadLetters(template, status, limit);
    }

    @GetMapping("/dead-letters/{id}")
    DeadLetter deadLetter(@PathVariable long id) {
        return administration.deadLetter(id);
    }

    /** Processes the record again, as stored or as corrected in the body's {@code record}. */
    @PostMapping("/dead-letters/{id}/retry")
    DeadLetter retry(@PathVariable long id, @RequestBody(required = false) RetryRequest request) {
        return administration.retry(id, Optional.ofNullable(request).map(RetryRequest::record));
    }

    @PostMapping("/dead-letters/{id}/discard")
    DeadLetter discard(@PathVariable long id) {
        return administration.discard(id);
    }

    record RetryRequest(String record) {}
}
