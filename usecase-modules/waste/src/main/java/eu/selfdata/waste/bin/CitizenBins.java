package eu.selfdata.waste.bin;

import eu.selfdata.usecase.api.CitizenId;
import eu.selfdata.usecase.api.CityDatabase;
import eu.selfdata.usecase.api.CommonProblems;
import eu.selfdata.usecase.api.Consents;
import eu.selfdata.waste.WasteProblems;
import eu.selfdata.waste.WastePurposes;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.web.ErrorResponseException;

/**
 * A citizen's household bins in the city of the request: linking one (its RFID tag) needs the import
 * consent first and proof that the bin is the household's ({@link BinOwnership}: the operator's
 * activation code, or the city admin's validation); unlinking keeps the weighings already imported
 * until the citizen deletes them. The API and the portal page both go through here.
 */
public class CitizenBins {

    private static final Pattern BIN_ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$");

    private final CityDatabase city;
    private final Consents consents;
    private final BinOwnership ownership;

    public CitizenBins(CityDatabase city, Consents consents, BinOwnership ownership) {
        this.city = city;
        this.consents = consents;
        this.ownership = ownership;
    }

    public List<BinLink> of(CitizenId citizen) {
        return city.jdbc()
                .sql("""
                        select bin_id, household_size, import_active, linked_at, proof is not null from waste_bin_link
                         where citizen_id = :citizen order by linked_at, bin_id""")
                .param("citizen", citizen.value())
                .query((rs, row) -> new BinLink(
                        rs.getString(1),
                        rs.getInt(2),
                        rs.getBoolean(3),
                        rs.getTimestamp(4).toInstant(),
                        rs.getBoolean(5)))
                .list();
    }

    /**
     * Links the bin to the citizen, or updates the household size of a bin they linked already.
     *
     * @param activationCode the code the operator gave the household for this bin; blank or absent, the
     *                       city admin validates the link
     * @throws ErrorResponseException 400 {@code invalid-request} for a bad tag, size or code, 409
     *                                {@code consent-required} without the import consent, and the
     *                                ownership problems of {@link BinOwnership#claim}
     */
    public Linked link(CitizenId citizen, String binId, Integer householdSize, String activationCode) {
        if (binId == null || !BIN_ID.matcher(binId).matches()) {
            throw CommonProblems.INVALID_REQUEST.exception(
                    "binId is the tag printed on the bin: 1 to 64 letters, digits, '_', '.', ':' or '-'");
        }
        int household = Optional.ofNullable(householdSize).orElse(1);
        if (household < 1 || household > 20) {
            throw CommonProblems.INVALID_REQUEST.exception("householdSize is between 1 and 20");
        }
        Optional<ActivationCode> code;
        try {
            code = activationCode == null || activationCode.isBlank()
                    ? Optional.empty()
                    : Optional.of(new ActivationCode(activationCode));
        } catch (IllegalArgumentException e) {
            throw CommonProblems.INVALID_REQUEST.exception(e.getMessage());
        }
        if (!consents.isGiven(citizen, WastePurposes.IMPORT_WEIGHINGS)) {
            throw WasteProblems.CONSENT_REQUIRED.exception("Give the consent '" + WastePurposes.IMPORT_WEIGHINGS
                    + "' first: PUT /api/me/consents/" + WastePurposes.IMPORT_WEIGHINGS);
        }
        boolean linkedBefore = find(citizen, binId).isPresent();
        ownership.claim(citizen, binId, household, code);
        return new Linked(find(citizen, binId).orElseThrow(), !linkedBefore);
    }

    private Optional<BinLink> find(CitizenId citizen, String binId) {
        return of(citizen).stream().filter(bin -> bin.binId().equals(binId)).findFirst();
    }

    /**
     * Unlinks the bin; its weighings already imported stay until the citizen deletes them.
     *
     * @throws ErrorResponseException 404 {@code not-found} when the citizen has no such bin
     */
    public void unlink(CitizenId citizen, String binId) {
        int removed = city.jdbc()
                .sql("delete from waste_bin_link where bin_id = :bin and citizen_id = :citizen")
                .param("bin", binId)
                .param("citizen", citizen.value())
                .update();
        if (removed == 0) {
            throw CommonProblems.NOT_FOUND.exception("No bin " + binId + " linked to your account");
        }
    }

    /** Deletes every weighing imported for the citizen (offered after withdrawing the import consent); how many. */
    public int deleteWeighings(CitizenId citizen) {
        return city.jdbc()
                .sql("delete from waste_weighing where citizen_id = :citizen")
                .param("citizen", citizen.value())
                .update();
    }

    /** @param proven false while the link waits for the city admin: it then neither imports nor shows weighings */
    public record BinLink(String binId, int householdSize, boolean importActive, Instant linkedAt, boolean proven) {}

    /** @param created a new link, not an update of the citizen's own */
    public record Linked(BinLink link, boolean created) {}
}
