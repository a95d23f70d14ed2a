package eu.selfdata.tenant.retention;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The city's retention periods: read by its staff, shortened by its admin (SecurityConfiguration). */
@RestController
@RequestMapping("/api/city/retention")
class RetentionController {

    private static final int PURGES_SHOWN = 200;

    private final RetentionSettings settings;

    RetentionController(RetentionSettings settings) {
        this.settings = settings;
    }

    @GetMapping
    List<RetentionView> rules(Locale locale) {
        return settings.here(locale.getLanguage());
    }

    /** The purge log, latest first: what each purge removed, counted, never who. */
    @GetMapping("/purges")
    List<RetentionView.Purge> purges() {
        return settings.purges(PURGES_SHOWN);
    }

    @PutMapping("/{rule}")
    RetentionView set(@PathVariable String rule, @Valid @RequestBody Period period, Locale locale) {
        return settings.set(rule, period.days(), locale.getLanguage());
    }

    record Period(@NotNull Integer days) {}
}
