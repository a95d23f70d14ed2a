package eu.selfdata.tenant.accesslog;

import eu.selfdata.usecase.api.CurrentCitizen;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Shows the signed-in citizen every read of their data by someone else, newest first. */
@RestController
@Validated
class AccessLogController {

    private final JdbcAccessLog log;
    private final CurrentCitizen citizen;

    AccessLogController(JdbcAccessLog log, CurrentCitizen citizen) {
        this.log = log;
        this.citizen = citizen;
    }

    @GetMapping("/api/me/access-log")
    List<AccessLogEntry> entries(@RequestParam(defaultValue = "200") @Min(1) @Max(1000) int limit) {
        return log.entries(citizen.require(), limit);
    }
}
