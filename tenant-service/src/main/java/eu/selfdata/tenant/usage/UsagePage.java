package eu.selfdata.tenant.usage;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Usage per city in the coordinator console (platform host, role platform-coordinator): the figures
 * governance's cost sharing bills by, over a period that defaults to the current year so far.
 */
@Controller
class UsagePage {

    private static final long MAX_DAYS = 3660;
    private final UsageReport report;
    private final Clock clock;

    UsagePage(UsageReport report, Clock clock) {
        this.report = report;
        this.clock = clock;
    }

    @GetMapping("/platform/console/usage")
    String usage(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) Optional<LocalDate> from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) Optional<LocalDate> to,
            Model model) {
        LocalDate today = LocalDate.now(clock);
        LocalDate end = to.orElse(today);
        LocalDate start = from.orElse(end.withDayOfYear(1));
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        if (end.isBefore(start) || ChronoUnit.DAYS.between(start, end) > MAX_DAYS) {
            model.addAttribute("error", "Need from <= to, at most " + MAX_DAYS + " days apart");
            model.addAttribute("cities", List.of());
        } else {
            model.addAttribute("cities", report.between(start, end));
        }
        return "console/usage";
    }
}
