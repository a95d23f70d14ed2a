package eu.selfdata.energywater.importing;

import eu.selfdata.usecase.api.CurrentCitizen;
import java.io.InputStream;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Files the citizen downloaded from their supplier, sent as the body (read as a stream, never whole). */
@RestController
public class ImportController {

    private final ReadingImport readingImport;
    private final CurrentCitizen citizen;

    public ImportController(ReadingImport readingImport, CurrentCitizen citizen) {
        this.readingImport = readingImport;
        this.citizen = citizen;
    }

    @PostMapping("/api/energy-water/meters/{id}/readings")
    @ResponseStatus(HttpStatus.CREATED)
    ImportReceipt upload(@PathVariable UUID id, InputStream body) {
        return readingImport.importFile(citizen.require(), id, body);
    }
}
