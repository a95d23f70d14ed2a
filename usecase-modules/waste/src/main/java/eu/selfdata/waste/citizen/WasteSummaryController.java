package eu.selfdata.waste.citizen;

import eu.selfdata.usecase.api.CurrentCitizen;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The citizen's own waste, month by month ({@link WasteSummaries}). */
@RestController
@RequestMapping("/api/waste/me")
public class WasteSummaryController {

    private final WasteSummaries summaries;
    private final CurrentCitizen citizen;

    public WasteSummaryController(WasteSummaries summaries, CurrentCitizen citizen) {
        this.summaries = summaries;
        this.citizen = citizen;
    }

    @GetMapping("/summary")
    WasteSummaries.Summary summary() {
        return summaries.of(citizen.require());
    }
}
