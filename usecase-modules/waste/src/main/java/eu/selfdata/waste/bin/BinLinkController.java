package eu.selfdata.waste.bin;

import eu.selfdata.usecase.api.CurrentCitizen;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The citizen's household bins ({@link CitizenBins}): list, link (needs the import consent), unlink, delete imported weighings. */
@RestController
@RequestMapping("/api/waste")
public class BinLinkController {

    private final CitizenBins bins;
    private final CurrentCitizen citizen;

    public BinLinkController(CitizenBins bins, CurrentCitizen citizen) {
        this.bins = bins;
        this.citizen = citizen;
    }

    @GetMapping("/bins")
    List<CitizenBins.BinLink> bins() {
        return bins.of(citizen.require());
    }

    /** Only a verified account links a bin (rule 11): a script's throw-away accounts cannot claim tags. */
    @PostMapping("/bins")
    ResponseEntity<CitizenBins.BinLink> link(@RequestBody NewLink request) {
        CitizenBins.Linked linked = bins.link(
                citizen.requireVerified(), request.binId(), request.householdSize(), request.activationCode());
        HttpStatus status =
                !linked.link().proven() ? HttpStatus.ACCEPTED : linked.created() ? HttpStatus.CREATED : HttpStatus.OK;
        return ResponseEntity.status(status).body(linked.link());
    }

    /** Unlinks the bin; its weighings already imported stay until the citizen deletes them. */
    @DeleteMapping("/bins/{binId}")
    ResponseEntity<Void> unlink(@PathVariable String binId) {
        bins.unlink(citizen.require(), binId);
        return ResponseEntity.noContent().build();
    }

    /** Deletes every weighing imported for the citizen (offered after withdrawing the import consent). */
    @DeleteMapping("/weighings")
    Map<String, Integer> deleteWeighings() {
        return Map.of("deleted", bins.deleteWeighings(citizen.require()));
    }

    /** @param activationCode the code the operator gave the household for this bin; absent, the city admin validates the link */
    record NewLink(String binId, Integer householdSize, String activationCode) {}
}
