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
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The citizen's household bins: linking one (its RFID tag) needs the import consent first;
 * after withdrawing it the citizen may delete what was imported.
 */
@RestController
@RequestMapping("/api/waste")
public class BinLinkController {

    private static final Pattern BIN_ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$");

    private final CityDatabase city;
    private final CurrentCitizen citizen;
    private final Consents consents;

    public BinLinkController(CityDatabase city, CurrentCitizen citizen, Consents consents) {
        this.city = city;
        this.citizen = citizen;
        this.consents = consents;
    }

    @GetMapping("/bins")
    public List<BinLinkView> bins() {
        return city.jdbc().sql("""
                        select bin_id, household_size, import_active, linked_at from waste_bin_link
                         where citizen_id = :citizen order by linked_at, bin_id""")
                .param("citizen", citizen.require().value())
                .query((rs, row) -> new BinLinkView(rs.getString(1), rs.getInt(2), rs.getBoolean(3), rs.getTimestamp(4).toInstant()))
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
        int created = city.jdbc().sql("""
                        insert into waste_bin_link (bin_id, citizen_id, household_size) values (:bin, :citizen, :household)
                        on conflict (bin_id) do nothing""")
                .param("bin", request.binId()).param("citizen", me.value()).param("household", household).update();
        UUID owner = city.jdbc().sql("select citizen_id from waste_bin_link where bin_id = :bin").param("bin", request.binId())
                .query(UUID.class).single();
        if (!owner.equals(me.value())) {
            throw Problems.problem(HttpStatus.CONFLICT, "bin-already-linked", "Bin already linked",
                    "Another household linked this bin; ask the city if it is yours");
        }
        if (created == 0) {
            city.jdbc().sql("update waste_bin_link set household_size = :household, import_active = true where bin_id = :bin")
                    .param("household", household).param("bin", request.binId()).update();
        }
        BinLinkView view = bins().stream().filter(bin -> bin.binId().equals(request.binId())).findFirst().orElseThrow();
        return ResponseEntity.status(created == 1 ? HttpStatus.CREATED : HttpStatus.OK).body(view);
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

    public record NewLink(String binId, Integer householdSize) {
    }

    public record BinLinkView(String binId, int householdSize, boolean importActive, Instant linkedAt) {
    }
}
