package eu.selfdata.tenant.usage;

import eu.selfdata.tenant.problem.ProblemType;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Usage metering for the coordinators and governance's cost sharing: {@code GET /platform/usage?from=&to=}. */
@RestController
class UsageController {

    private static final long MAX_DAYS = 3660;
    private final UsageReport report;

    UsageController(UsageReport report) {
        this.report = report;
    }

    record Usage(LocalDate from, LocalDate to, List<CityUsage> cities) {}

    @GetMapping("/platform/usage")
    ResponseEntity<?> usage(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
            ProblemDetail problem =
                    ProblemType.INVALID_REQUEST.detail("Need from <= to, at most " + MAX_DAYS + " days apart");
            return ResponseEntity.status(problem.getStatus()).body(problem);
        }
        return ResponseEntity.ok(new Usage(from, to, report.between(from, to)));
    }
}
