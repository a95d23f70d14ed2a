package eu.selfdata.mobility.journey;

import eu.selfdata.mobility.budget.Budgets;
import eu.selfdata.usecase.api.CitizenId;
import eu.selfdata.usecase.api.CurrentCitizen;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in citizen's trips to take away, as GPX 1.1 or GeoJSON, for a period as for
 * {@code GET /trips}. Written on the request thread (not an async body): the city and the citizen
 * stay in context while the rows are read.
 */
@RestController
@RequestMapping("/api/mobility-carbon/exports")
public class TripExportController {

    private final TripExports exports;
    private final Budgets budgets;
    private final CurrentCitizen citizen;
    private final Clock clock;

    public TripExportController(
            TripExports exports, Budgets budgets, CurrentCitizen citizen, ObjectProvider<Clock> clock) {
        this.exports = exports;
        this.budgets = budgets;
        this.citizen = citizen;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @GetMapping("/trips.gpx")
    void gpx(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            HttpServletResponse response)
            throws IOException {
        CitizenId me = citizen.require();
        TripPeriod period = TripPeriod.of(from, to, budgets.zone(), clock.instant());
        attachment(response, "application/gpx+xml", "trips.gpx");
        exports.gpx(me, period.from(), period.to(), response.getOutputStream());
    }

    @GetMapping("/trips.geojson")
    void geoJson(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            HttpServletResponse response)
            throws IOException {
        CitizenId me = citizen.require();
        TripPeriod period = TripPeriod.of(from, to, budgets.zone(), clock.instant());
        attachment(response, "application/geo+json", "trips.geojson");
        exports.geoJson(me, period.from(), period.to(), response.getOutputStream());
    }

    private static void attachment(HttpServletResponse response, String mediaType, String name) {
        response.setContentType(mediaType);
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(name).build().toString());
    }
}
