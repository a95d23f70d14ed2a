package eu.selfdata.waste.page;

import eu.selfdata.usecase.api.CitizenId;
import eu.selfdata.usecase.api.Consents;
import eu.selfdata.usecase.api.CurrentCitizen;
import eu.selfdata.waste.WastePurposes;
import eu.selfdata.waste.bin.CitizenBins;
import eu.selfdata.waste.citizen.NationalReference;
import eu.selfdata.waste.citizen.WasteSummaries;
import eu.selfdata.waste.opendata.CollectionCalendar;
import eu.selfdata.waste.weighing.WasteStream;
import java.util.List;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The portal page "my waste" ({@code /my/waste}), from the same services as the module's API:
 * kilograms per month and stream, sorting rate, the city's average (suppressed below k) and the
 * national reference with its source, next collections of a street, and the bins linked to the
 * account (linking needs the import consent, given on the consents page).
 */
@Controller
@RequestMapping("/my/waste")
public class WastePage {

    /** Months in the chart and the table. */
    static final int MONTHS_SHOWN = 12;

    private final WasteSummaries summaries;
    private final CitizenBins bins;
    private final CollectionCalendar calendar;
    private final Consents consents;
    private final CurrentCitizen citizen;

    public WastePage(
            WasteSummaries summaries,
            CitizenBins bins,
            CollectionCalendar calendar,
            Consents consents,
            CurrentCitizen citizen) {
        this.summaries = summaries;
        this.bins = bins;
        this.calendar = calendar;
        this.consents = consents;
        this.citizen = citizen;
    }

    @GetMapping
    ModelAndView page(@RequestParam(required = false) String street, Model model) {
        return render(street, model, HttpStatusCode.valueOf(200));
    }

    @PostMapping("/bins")
    ModelAndView link(
            @RequestParam(defaultValue = "") String binId,
            @RequestParam(required = false) Integer householdSize,
            @RequestParam(required = false) String activationCode,
            Model model) {
        try {
            boolean proven = bins.link(citizen.requireVerified(), binId.strip(), householdSize, activationCode)
                    .link()
                    .proven();
            return new ModelAndView(proven ? "redirect:/my/waste?linked#bins" : "redirect:/my/waste?pending#bins");
        } catch (ErrorResponseException e) {
            model.addAttribute("binError", problemType(e));
            model.addAttribute("binId", binId);
            return render(null, model, e.getStatusCode());
        }
    }

    @PostMapping("/bins/{binId}/unlink")
    String unlink(@PathVariable String binId) {
        bins.unlink(citizen.require(), binId);
        return "redirect:/my/waste?unlinked#bins";
    }

    private ModelAndView render(String street, Model model, HttpStatusCode status) {
        CitizenId me = citizen.require();
        WasteSummaries.Summary summary = summaries.of(me);
        List<WasteSummaries.Month> months = summary.months();
        List<WasteSummaries.Month> shown = months.subList(Math.max(0, months.size() - MONTHS_SHOWN), months.size());
        model.addAttribute("summary", summary);
        model.addAttribute("months", shown);
        model.addAttribute("latest", months.isEmpty() ? null : months.getLast());
        model.addAttribute(
                "yearPerPerson",
                shown.stream()
                        .mapToDouble(WasteSummaries.Month::kilogramsPerPerson)
                        .sum());
        model.addAttribute("national", NationalReference.FRANCE);
        model.addAttribute("streams", WasteStream.values());
        model.addAttribute("bins", bins.of(me));
        model.addAttribute("importConsent", consents.isGiven(me, WastePurposes.IMPORT_WEIGHINGS));
        model.addAttribute("importPurpose", WastePurposes.IMPORT_WEIGHINGS);
        if (street != null && !street.isBlank()) {
            model.addAttribute("street", street.strip());
            try {
                model.addAttribute("collections", calendar.next(street));
            } catch (ErrorResponseException e) {
                model.addAttribute("streetError", true);
                status = e.getStatusCode();
            }
        }
        return new ModelAndView("waste/page", model.asMap(), status);
    }

    /** The problem's stable type (e.g. {@code consent-required}): the page words it in its language. */
    private static String problemType(ErrorResponseException e) {
        String type = String.valueOf(e.getBody().getType());
        return type.substring(type.lastIndexOf('/') + 1);
    }
}
