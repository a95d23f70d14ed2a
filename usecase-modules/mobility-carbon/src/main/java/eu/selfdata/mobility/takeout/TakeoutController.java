package eu.selfdata.mobility.takeout;

import eu.selfdata.usecase.api.CitizenId;
import eu.selfdata.usecase.api.CommonProblems;
import eu.selfdata.usecase.api.CurrentCitizen;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in citizen's Takeout imports: uploads by the tus protocol under
 * {@value TakeoutUploads#PATH}, then an import started on a completed upload, followed, cancelled.
 */
@RestController
@RequestMapping("/api/mobility-carbon/takeout")
public class TakeoutController {

    private final TakeoutUploads uploads;
    private final TakeoutImports imports;
    private final CurrentCitizen citizen;

    public TakeoutController(TakeoutUploads uploads, TakeoutImports imports, CurrentCitizen citizen) {
        this.uploads = uploads;
        this.imports = imports;
        this.citizen = citizen;
    }

    /** tus 1.0.0: OPTIONS (capabilities), POST (create, with Upload-Length), HEAD (offset), PATCH (bytes from the offset), DELETE. */
    @RequestMapping(
            value = {"/uploads", "/uploads/{id}"},
            method = {
                RequestMethod.OPTIONS,
                RequestMethod.POST,
                RequestMethod.HEAD,
                RequestMethod.PATCH,
                RequestMethod.DELETE
            })
    void tus(HttpServletRequest request, HttpServletResponse response) {
        uploads.process(request, response, imports.owner(citizen.require()));
    }

    @PostMapping("/imports")
    @ResponseStatus(HttpStatus.ACCEPTED)
    TakeoutImport start(@RequestBody StartImport body) {
        if (body == null || body.upload() == null) {
            throw CommonProblems.INVALID_REQUEST.exception(
                    "name the completed upload to import: {\"upload\": \"<id>\", \"keepFrom\"?: \"2015-01-01\", \"keepTo\"?: \"2024-12-31\"}");
        }
        return imports.start(citizen.require(), body.upload(), body.keepFrom(), body.keepTo());
    }

    @GetMapping("/imports")
    List<TakeoutImport> list() {
        return imports.list(citizen.require());
    }

    @GetMapping("/imports/{id}")
    TakeoutImport one(@PathVariable long id) {
        CitizenId me = citizen.require();
        return imports.find(me, id).orElseThrow(() -> CommonProblems.NOT_FOUND.exception("You have no import " + id));
    }

    @PostMapping("/imports/{id}/cancel")
    @ResponseStatus(HttpStatus.ACCEPTED)
    TakeoutImport cancel(@PathVariable long id) {
        return imports.cancel(citizen.require(), id)
                .orElseThrow(() -> CommonProblems.NOT_FOUND.exception("You have no import " + id));
    }

    /** The upload's id (the last segment of its URL) and the days to keep, both ends included. */
    record StartImport(UUID upload, LocalDate keepFrom, LocalDate keepTo) {}
}
