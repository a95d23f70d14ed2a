package eu.selfdata.energywater.page;

import eu.selfdata.energywater.EnergyWaterPurposes;
import eu.selfdata.energywater.alert.LeakAlerts;
import eu.selfdata.energywater.consumption.Consumption;
import eu.selfdata.energywater.consumption.ConsumptionReport;
import eu.selfdata.energywater.consumption.Granularity;
import eu.selfdata.energywater.importing.ImportReceipt;
import eu.selfdata.energywater.importing.ReadingImport;
import eu.selfdata.energywater.meter.MeterIdentifier;
import eu.selfdata.energywater.meter.Meters;
import eu.selfdata.energywater.price.EmissionFactors;
import eu.selfdata.energywater.price.Tariffs;
import eu.selfdata.energywater.reading.BadReadingFile;
import eu.selfdata.energywater.reading.Fluid;
import eu.selfdata.usecase.api.CitizenId;
import eu.selfdata.usecase.api.CommonProblems;
import eu.selfdata.usecase.api.Consents;
import eu.selfdata.usecase.api.CurrentCitizen;
import eu.selfdata.usecase.api.limits.LimitExceededException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

/**
 * The portal page "my energy and water" ({@code /my/energy-water}), from the same services as the module's API:
 * the last twelve months per fluid with their cost and CO2e beside last year's, the meters with their imports, the
 * forms to link a meter and send a supplier's file, the leak alerts of water above the citizen's threshold, and the
 * prices and factors counted with, with their sources.
 * It works without script: every form posts and comes back with the result or the refusal.
 */
@Controller
@RequestMapping("/my/energy-water")
public class EnergyWaterPage {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final Consumption consumption;
    private final Meters meters;
    private final ReadingImport readingImport;
    private final Tariffs tariffs;
    private final EmissionFactors factors;
    private final LeakAlerts alerts;
    private final Consents consents;
    private final CurrentCitizen citizen;
    private final Clock clock;

    public EnergyWaterPage(
            Consumption consumption,
            Meters meters,
            ReadingImport readingImport,
            Tariffs tariffs,
            EmissionFactors factors,
            LeakAlerts alerts,
            Consents consents,
            CurrentCitizen citizen,
            Clock clock) {
        this.consumption = consumption;
        this.meters = meters;
        this.readingImport = readingImport;
        this.tariffs = tariffs;
        this.factors = factors;
        this.alerts = alerts;
        this.consents = consents;
        this.citizen = citizen;
        this.clock = clock;
    }

    /** A refusal shown on the page: its stable problem type, worded by the page, and the line of a file when known. */
    public record Refusal(String type, Long line) {}

    @GetMapping
    ModelAndView page(Model model) {
        return render(model, HttpStatusCode.valueOf(200));
    }

    @PostMapping("/meters")
    ModelAndView link(
            @RequestParam(required = false) Fluid fluid,
            @RequestParam(defaultValue = "") String identifier,
            @RequestParam(required = false) String label,
            Model model) {
        try {
            if (fluid == null) {
                throw CommonProblems.INVALID_REQUEST.exception("choose electricity, gas or water");
            }
            meters.link(citizen.require(), MeterIdentifier.typed(fluid, identifier), blankToNull(label));
            return new ModelAndView("redirect:/my/energy-water?linked#meters");
        } catch (ErrorResponseException e) {
            model.addAttribute("linkError", new Refusal(problemType(e), null));
            model.addAttribute("typedIdentifier", identifier);
            return render(model, e.getStatusCode());
        }
    }

    @PostMapping("/meters/{id}/readings")
    ModelAndView upload(@PathVariable UUID id, @RequestParam("file") MultipartFile file, Model model) {
        CitizenId me = citizen.require();
        try (InputStream body = file.getInputStream()) {
            ImportReceipt receipt = readingImport.importFile(me, id, body);
            return new ModelAndView("redirect:/my/energy-water?imported=" + receipt.days() + "#meters");
        } catch (BadReadingFile e) {
            model.addAttribute("uploadError", new Refusal("bad-reading-file", e.line()));
            return render(model, HttpStatusCode.valueOf(422));
        } catch (LimitExceededException e) {
            model.addAttribute("uploadError", new Refusal("reading-file-too-large", null));
            return render(model, HttpStatusCode.valueOf(413));
        } catch (ErrorResponseException e) {
            model.addAttribute("uploadError", new Refusal(problemType(e), null));
            return render(model, e.getStatusCode());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An empty threshold stops the alerts. */
    @PostMapping("/alerts/threshold")
    ModelAndView threshold(@RequestParam(required = false) Integer litresPerDay, Model model) {
        CitizenId me = citizen.require();
        if (litresPerDay == null) {
            alerts.clearThreshold(me);
            return new ModelAndView("redirect:/my/energy-water?thresholdCleared#alerts");
        }
        try {
            alerts.setThreshold(me, litresPerDay);
            return new ModelAndView("redirect:/my/energy-water?thresholdSet#alerts");
        } catch (ErrorResponseException e) {
            model.addAttribute("thresholdError", true);
            return render(model, e.getStatusCode());
        }
    }

    @PostMapping("/alerts/{id}/seen")
    String seen(@PathVariable long id) {
        alerts.markSeen(citizen.require(), id);
        return "redirect:/my/energy-water#alerts";
    }

    @PostMapping("/meters/{id}/readings/delete")
    String deleteReadings(@PathVariable UUID id) {
        meters.deleteReadings(citizen.require(), id);
        return "redirect:/my/energy-water?deleted#meters";
    }

    @PostMapping("/meters/{id}/unlink")
    String unlink(@PathVariable UUID id) {
        meters.unlink(citizen.require(), id);
        return "redirect:/my/energy-water?unlinked#meters";
    }

    private ModelAndView render(Model model, HttpStatusCode status) {
        CitizenId me = citizen.require();
        LocalDate today = LocalDate.now(clock.withZone(PARIS));
        ConsumptionReport months = consumption.report(
                me, Granularity.MONTH, Granularity.MONTH.defaultFrom(today), today, List.of(Fluid.values()));
        Map<Fluid, Boolean> consented = new EnumMap<>(Fluid.class);
        Map<Fluid, String> purposes = new EnumMap<>(Fluid.class);
        for (Fluid fluid : Fluid.values()) {
            purposes.put(fluid, EnergyWaterPurposes.importPurpose(fluid));
            consented.put(fluid, consents.isGiven(me, purposes.get(fluid)));
        }
        model.addAttribute("report", months);
        model.addAttribute("hasReadings", months.allFluids().total() != null);
        model.addAttribute("meters", meters.of(me));
        model.addAttribute("fluids", Fluid.values());
        model.addAttribute("consented", consented);
        model.addAttribute("purposes", purposes);
        model.addAttribute("anyConsent", consented.containsValue(true));
        model.addAttribute(
                "alerts",
                alerts.of(me).stream().filter(alert -> alert.seenAt() == null).toList());
        OptionalInt threshold = alerts.threshold(me);
        model.addAttribute("threshold", threshold.isPresent() ? threshold.getAsInt() : null);
        model.addAttribute("tariffs", tariffs.all());
        model.addAttribute("factors", factors.all());
        return new ModelAndView("energy-water/page", model.asMap(), status);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String problemType(ErrorResponseException e) {
        String type = String.valueOf(e.getBody().getType());
        return type.substring(type.lastIndexOf('/') + 1);
    }
}
