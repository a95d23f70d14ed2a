package eu.selfdata.waste.bin;

import eu.selfdata.connectors.Problems;
import eu.selfdata.usecase.api.CitizenId;
import eu.selfdata.usecase.api.CityDatabase;
import eu.selfdata.usecase.api.Consents;
import eu.selfdata.usecase.api.CurrentCitizen;
import eu.selfdata.waste.WastePurposes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The citizen's household bins: linking one (its RFID tag) needs the import consent first and proof that the bin
 * is the household's ({@link BinOwnership}: the operator's activation code, or the city admin's validation);
 * after withdrawing the consent the citizen may delete what was imported.
 */
@RestController
@RequestMapping("/api/waste")
public class BinLinkController {

    private static final Pattern BIN_ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$");

    private final CityDatabase city;
    private final CurrentCitizen citizen;
    private final Consents consents;
    private final BinOwnership ownership;

    public BinLinkController(CityDatabase city, CurrentCitizen citizen, Consents consents, BinOwnership ownership) {
        this.city = city;
        this.citizen = citizen;
        this.consents = consents;
        this.ownership = ownership;
    }

    @GetMapping("/bins")
    public List<BinLinkView> bins() {
        return city.jdbc().sql("""
                        select bin_id, household_size, import_active, linked_at, proof is not null from waste_bin_link
                         where citizen_id = :citizen order by linked_at, bin_id""")
                .param("citizen", citizen.require().value())
                .query((rs, row) -> new BinLinkView(rs.getString(1), rs.getInt(2), rs.getBoolean(3), rs.getTimestamp(4).toInstant(),
                        rs.getBoolean(5)))
                .list();
    }

    /** Only a verified account links a bin (rule 11): a script's throw-away accounts cannot claim tags. */
    @PostMapping("/bins")
    public ResponseEntity<BinLinkView> link(@RequestBody NewLink request) {
        CitizenId me = citizen.requireVerified();
        if (request.binId() == null || !BIN_ID.matcher(request.binId()).matches()) {
            throw Problems.invalid("binId is the tag printed on the bin: 1 to 64 letters, digits, '_', '.', ':' or '-'");
        }
        int household = Optional.ofNullable(request.householdSize()).orElse(1);
        if (household < 1 || household > 20) {
            throw Problems.invalid("householdSize is between 1 and 20");
        }
        if (!consents.isGiven(me, WastePurposes.IMPORT_WEIGHINGS)) {
            throw Problems.problem(HttpStatus.CONFLICT, "consent-required", "Consent required",
                    "Give the consent '" + WastePurposes.IMPORT_WEIGHINGS + "' first: PUT /api/me/consents/" + WastePurposes.IMPORT_WEIGHINGS);
        }
        Optional<ActivationCode> code;
        try {
            code = request.activationCode() == null || request.activationCode().isBlank() ? Optional.empty()
                    : Optional.of(new ActivationCode(request.activationCode()));
        } catch (IllegalArgumentException e) {
            throw Problems.invalid(e.getMessage());
        }
        boolean linkedBefore = bins().stream().anyMatch(bin -> bin.binId().equals(request.binId()));
        BinOwnership.Outcome outcome = ownership.claim(me, request.binId(), household, code);
        BinLinkView view = bins().stream().filter(bin -> bin.binId().equals(request.binId())).findFirst().orElseThrow();
        HttpStatus status = outcome == BinOwnership.Outcome.PENDING ? HttpStatus.ACCEPTED : linkedBefore ? HttpStatus.OK : HttpStatus.CREATED;
        return ResponseEntity.status(status).body(view);
    }

    /** Unlinks the bin; its weighings already imported stay until the citizen deletes them. */
    @DeleteMapping("/bins/{binId}")
    public ResponseEntity<Void> unlink(@PathVariable String binId) {
        int removed = city.jdbc().sql("delete from waste_bin_link where bin_id = :bin and citizen_id = :citizen")
                .param("bin", binId).param("citizen", citizen.require().value()).update();
        if (removed == 0) {
            throw Problems.notFound("No bin " + binId + " linked to your account");
        }
        return ResponseEntity.noContent().build();
    }

    /** Deletes every weighing imported for the citizen (offered after withdrawing the import consent). */
    @DeleteMapping("/weighings")
    Map<String, Integer> deleteWeighings() {
        int deleted = city.jdbc().sql("delete from waste_weighing where citizen_id = :citizen")
                .param("citizen", citizen.require().value()).update();
        return Map.of("deleted", deleted);
    }

    /** @param activationCode the code the operator gave the household for this bin; absent, the city admin validates the link */
    public record NewLink(String binId, Integer householdSize, String activationCode) {
    }

    /** @param proven false while the link waits for the city admin: it then neither imports nor shows weighings */
    public record BinLinkView(String binId, int householdSize, boolean importActive, Instant linkedAt, boolean proven) {
    }
}
