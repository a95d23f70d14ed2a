package eu.selfdata.waste.bin;

import eu.selfdata.connectors.CityRoles;
import eu.selfdata.connectors.Problems;
import eu.selfdata.usecase.api.CityDatabase;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The city admin's side of bin ownership: links waiting for validation and disputed bins, each without the
 * citizens behind them (rule 10: the admin checks the household's proof at the counter, against the reference the
 * citizen was given), and the decisions: validate a pending link, keep the holder or transfer the bin.
 */
@RestController
@RequestMapping("/api/waste/city")
public class BinClaimsController {

    private final CityDatabase city;
    private final BinOwnership ownership;

    public BinClaimsController(CityDatabase city, BinOwnership ownership) {
        this.city = city;
        this.ownership = ownership;
    }

    public record PendingLink(String binId, int householdSize, Instant linkedAt) {
    }

    /** @param holderProven whether the account holding the bin proved it (code or city admin) */
    public record Dispute(UUID reference, String binId, int householdSize, Instant claimedAt, boolean holderProven) {
    }

    public record Claims(List<PendingLink> pending, List<Dispute> disputes) {
    }

    public record Resolution(String decision) {
    }

    @GetMapping("/bin-claims")
    public Claims claims() {
        CityRoles.requireAny(CityRoles.ADMIN);
        return new Claims(
                city.jdbc().sql("select bin_id, household_size, linked_at from waste_bin_link where proof is null order by linked_at, bin_id")
                        .query((rs, row) -> new PendingLink(rs.getString(1), rs.getInt(2), rs.getTimestamp(3).toInstant())).list(),
                city.jdbc().sql("""
                                select d.id, d.bin_id, d.household_size, d.claimed_at, l.proof is not null
                                  from waste_bin_dispute d left join waste_bin_link l on l.bin_id = d.bin_id order by d.claimed_at, d.id""")
                        .query((rs, row) -> new Dispute(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3),
                                rs.getTimestamp(4).toInstant(), rs.getBoolean(5))).list());
    }

    @PostMapping("/bin-claims/{binId}/validate")
    public ResponseEntity<Void> validate(@PathVariable String binId) {
        CityRoles.requireAny(CityRoles.ADMIN);
        if (!ownership.validate(binId)) {
            throw Problems.notFound("No link of bin " + binId + " waits for validation in this city");
        }
        return ResponseEntity.noContent().build();
    }

    /** {@code {"decision":"KEEP"}} dismisses the claim; {@code "TRANSFER"} gives the bin to the claimant. */
    @PostMapping("/bin-disputes/{reference}/resolution")
    public ResponseEntity<Void> resolve(@PathVariable UUID reference, @RequestBody Resolution resolution) {
        CityRoles.requireAny(CityRoles.ADMIN);
        if (resolution.decision() == null || !List.of("KEEP", "TRANSFER").contains(resolution.decision())) {
            throw Problems.invalid("decision is KEEP (the holder keeps the bin) or TRANSFER (the claimant gets it)");
        }
        if (!ownership.resolve(reference, "TRANSFER".equals(resolution.decision()))) {
            throw Problems.notFound("No dispute " + reference + " in this city");
        }
        return ResponseEntity.noContent().build();
    }
}
