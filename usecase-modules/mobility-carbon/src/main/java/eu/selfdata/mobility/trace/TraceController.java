package eu.selfdata.mobility.trace;

import eu.selfdata.usecase.api.CurrentCitizen;
import java.io.InputStream;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Uploads of the signed-in citizen's traces: the body is read as a stream, never whole. */
@RestController
@RequestMapping("/api/mobility-carbon/traces")
public class TraceController {

    private final TraceIngestion ingestion;
    private final CurrentCitizen citizen;

    public TraceController(TraceIngestion ingestion, CurrentCitizen citizen) {
        this.ingestion = ingestion;
        this.citizen = citizen;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    TraceIngestion.UploadReceipt upload(
            @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String contentType, InputStream body) {
        TraceFormat format = TraceFormat.ofMediaType(contentType);
        return ingestion.ingest(citizen.require(), format, body);
    }
}
