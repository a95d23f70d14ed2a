package eu.selfdata.waste.bin;

import eu.selfdata.connectors.CityRoles;
import eu.selfdata.connectors.Problems;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

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

    private final BinOwnership ownership;

    public BinClaimsController(BinOwnership ownership) {
        this.ownership = ownership;
    }

    public record Claims(List<BinOwnership.PendingLink> pending, List<BinOwnership.Dispute> disputes) {
    }

    public record Resolution(String decision) {
    }

    @GetMapping("/bin-claims")
    public Claims claims() {
        CityRoles.requireAny(CityRoles.ADMIN);
        return new Claims(ownership.pending(), ownership.disputes());
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
