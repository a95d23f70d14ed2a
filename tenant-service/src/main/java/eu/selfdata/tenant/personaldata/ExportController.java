package eu.selfdata.tenant.personaldata;

import eu.selfdata.tenant.citydata.CityJdbc;
import eu.selfdata.usecase.api.AccessLog;
import eu.selfdata.usecase.api.Accessor;
import eu.selfdata.usecase.api.CitizenId;
import eu.selfdata.usecase.api.CurrentCitizen;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Downloads everything the platform holds about the signed-in citizen in this city. Written on the
 * request thread (not an async body) so that the city and the identity stay in context.
 */
@RestController
class ExportController {

    private final ExportArchive archive;
    private final CurrentCitizen citizen;
    private final AccessLog accessLog;
    private final CityJdbc city;
    private final Clock clock;

    ExportController(ExportArchive archive, CurrentCitizen citizen, AccessLog accessLog, CityJdbc city, Clock clock) {
        this.archive = archive;
        this.citizen = citizen;
        this.accessLog = accessLog;
        this.city = city;
        this.clock = clock;
    }

    @GetMapping("/api/me/export")
    void export(HttpServletResponse response) throws IOException {
        CitizenId me = citizen.require();
        accessLog.record(
                me, new Accessor(Accessor.Kind.EXPORT, "GDPR art. 20 export"), "all", "You downloaded your data");
        response.setContentType("application/zip");
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename("selfdata-" + city.city() + "-" + LocalDate.now(clock) + ".zip")
                        .build()
                        .toString());
        archive.write(me, response.getOutputStream());
    }
}
