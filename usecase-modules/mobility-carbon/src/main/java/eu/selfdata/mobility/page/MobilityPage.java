package eu.selfdata.mobility.page;

import eu.selfdata.contract.PlatformHeaders;
import eu.selfdata.mobility.budget.Budgets;
import eu.selfdata.mobility.budget.WeekStatement;
import eu.selfdata.mobility.journey.Journeys;
import eu.selfdata.mobility.journey.TraceSource;
import eu.selfdata.mobility.journey.TripView;
import eu.selfdata.mobility.takeout.TakeoutImports;
import eu.selfdata.mobility.trace.InvalidTraceException;
import eu.selfdata.mobility.trace.TraceFormat;
import eu.selfdata.mobility.trace.TraceIngestion;
import eu.selfdata.mobility.trace.TraceProblem;
import eu.selfdata.mobility.trip.TravelMode;
import eu.selfdata.usecase.api.CitizenId;
import eu.selfdata.usecase.api.CommonProblems;
import eu.selfdata.usecase.api.CurrentCitizen;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;

/**
 * The portal page "my mobility" ({@code /my/mobility-carbon}), rendered from the module's own
 * services: trips on a map with their legs and CO2e, CO2e per week against the weekly budget, the
 * credits earned, a form per leg to correct its mode, the trace upload (the page's script sends
 * the file to {@code /api/mobility-carbon/traces} with a progress bar; without script the form posts here),
 * the Takeout imports (sent by the script with the tus protocol, their progress shown across reloads),
 * and the downloads of the trips as GPX and GeoJSON. The map shows the tiles the city chose, if any.
 */
@Controller
@RequestMapping("/my/mobility-carbon")
public class MobilityPage {

    /** Trips shown, newest first: the page stays light for a citizen with years of traces. */
    static final int TRIPS_SHOWN = 20;
    /** Takeout imports listed, newest first. */
    static final int IMPORTS_SHOWN = 5;
    /** Weeks in the CO2e chart. */
    static final int WEEKS_SHOWN = 12;
    /** Modes a citizen can name for a leg. */
    static final List<TravelMode> MODES = Arrays.stream(TravelMode.values())
            .filter(mode -> mode != TravelMode.UNKNOWN)
            .toList();

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Journeys journeys;
    private final Budgets budgets;
    private final TraceIngestion ingestion;
    private final TraceSource points;
    private final Basemaps basemaps;
    private final ObjectProvider<TakeoutImports> imports;
    private final CurrentCitizen citizen;

    public MobilityPage(
            Journeys journeys,
            Budgets budgets,
            TraceIngestion ingestion,
            TraceSource points,
            Basemaps basemaps,
            ObjectProvider<TakeoutImports> imports,
            CurrentCitizen citizen) {
        this.journeys = journeys;
        this.budgets = budgets;
        this.ingestion = ingestion;
        this.points = points;
        this.basemaps = basemaps;
        this.imports = imports;
        this.citizen = citizen;
    }

    /** The page; where the city chose map tiles, their origin goes to the gateway for this page's image policy. */
    @GetMapping
    String page(Model model, HttpServletResponse response) {
        basemaps.current()
                .ifPresent(basemap -> response.setHeader(
                        PlatformHeaders.IMAGE_ORIGIN, basemap.origin().value()));
        return render(model, citizen.require());
    }

    /** The form without script: asks a running import to stop; it stores nothing. */
    @PostMapping("/takeout/imports/{id}/cancel")
    String cancelImport(@PathVariable long id) {
        TakeoutImports running = imports.getIfAvailable();
        if (running == null || running.cancel(citizen.require(), id).isEmpty()) {
            throw CommonProblems.NOT_FOUND.exception("You have no import " + id);
        }
        return "redirect:/my/mobility-carbon#takeout-title";
    }

    /** The form without script: a multipart file, its format told by its name; a refusal is shown on the page. */
    @PostMapping("/traces")
    ModelAndView upload(@RequestParam("file") MultipartFile file, Model model) {
        CitizenId me = citizen.require();
        try (InputStream body = file.getInputStream()) {
            TraceIngestion.UploadReceipt receipt =
                    ingestion.ingest(me, TraceFormats.of(file.getOriginalFilename(), file.getContentType()), body);
            return new ModelAndView(
                    "redirect:/my/mobility-carbon?uploaded=" + receipt.pointsStored() + "&trips=" + receipt.trips());
        } catch (InvalidTraceException e) {
            model.addAttribute("uploadError", new UploadError(e.problem().slug(), e.getMessage()));
            return new ModelAndView(
                    render(model, me),
                    model.asMap(),
                    HttpStatusCode.valueOf(e.problem().status()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @PostMapping("/legs/{legId}/mode")
    String correct(@PathVariable long legId, @RequestParam TravelMode mode) {
        if (mode == TravelMode.UNKNOWN) {
            throw CommonProblems.INVALID_REQUEST.exception("name the mode you travelled");
        }
        TripView trip = journeys.correct(citizen.require(), legId, mode)
                .orElseThrow(() -> CommonProblems.NOT_FOUND.exception("You have no leg " + legId));
        return "redirect:/my/mobility-carbon?corrected=" + legId + "#trip-" + trip.id();
    }

    private String render(Model model, CitizenId me) {
        List<TripView> trips = journeys.latest(me, TRIPS_SHOWN);
        Budgets.BudgetView budget = budgets.of(me);
        List<WeekStatement> weeks =
                budget.weeks().stream().limit(WEEKS_SHOWN).toList().reversed();
        model.addAttribute("trips", trips);
        model.addAttribute("budget", budget);
        model.addAttribute(
                "thisWeek",
                budget.weeks().stream()
                        .filter(week -> !week.closed())
                        .findFirst()
                        .orElse(null));
        model.addAttribute("weeks", weeks);
        model.addAttribute("modes", MODES);
        model.addAttribute("problems", TraceProblem.values());
        model.addAttribute("zone", budgets.zone().getId());
        model.addAttribute("paths", JSON.writeValueAsString(TripPaths.of(trips, me, points)));
        model.addAttribute("basemap", basemaps.current().orElse(null));
        TakeoutImports takeout = imports.getIfAvailable();
        model.addAttribute("takeoutEnabled", takeout != null);
        model.addAttribute(
                "imports",
                takeout == null
                        ? List.of()
                        : takeout.list(me).stream().limit(IMPORTS_SHOWN).toList());
        return "mobility-carbon/page";
    }

    /** Why an upload was refused: the problem type's slug (a message key) and the reader's detail (line, point). */
    public record UploadError(String type, String detail) {}

    /** The upload format from the file's name, else its declared media type. */
    static final class TraceFormats {

        private TraceFormats() {}

        static TraceFormat of(String fileName, String contentType) {
            String name = fileName == null ? "" : fileName.toLowerCase(java.util.Locale.ROOT);
            if (name.endsWith(".gpx")) {
                return TraceFormat.GPX;
            }
            if (name.endsWith(".geojson") || name.endsWith(".json")) {
                return TraceFormat.GEOJSON;
            }
            return TraceFormat.ofMediaType(contentType);
        }
    }
}
