package eu.selfdata.waste.bin;

import eu.selfdata.usecase.api.CityStaff;
import eu.selfdata.usecase.api.CommonProblems;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The city admin's side of bin ownership: links waiting for validation and disputed bins, each without the
 * citizens behind them (rule 10: the admin checks the household's proof at the counter, against the reference the
 * citizen was given), and the decisions: validate a pending link, keep the holder or transfer the bin.
 */
@RestController
@RequestMapping("/api/waste/city")
public class BinClaimsController {

    private final BinOwnership ownership;
    private final CityStaff staff;

    public BinClaimsController(BinOwnership ownership, CityStaff staff) {
        this.ownership = ownership;
        this.staff = staff;
    }

    public record Claims(List<BinOwnership.PendingLink> pending, List<BinOwnership.Dispute> disputes) {}

    public record Resolution(String decision) {}

    @GetMapping("/bin-claims")
    public Claims claims() {
        staff.requireAdmin();
        return new Claims(ownership.pending(), ownership.disputes());
    }

    @PostMapping("/bin-claims/{binId}/validate")
    public ResponseEntity<Void> validate(@PathVariable String binId) {
        staff.requireAdmin();
        if (!ownership.validate(binId)) {
            throw CommonProblems.NOT_FOUND.exception("No link of bin " + binId + " waits for validation in this city");
        }
        return ResponseEntity.noContent().build();
    }

    /** {@code {"decision":"KEEP"}} dismisses the claim; {@code "TRANSFER"} gives the bin to the claimant. */
    @PostMapping("/bin-disputes/{reference}/resolution")
    public ResponseEntity<Void> resolve(@PathVariable UUID reference, @RequestBody Resolution resolution) {
        staff.requireAdmin();
        if (resolution.decision() == null || !List.of("KEEP", "TRANSFER").contains(resolution.decision())) {
            throw CommonProblems.INVALID_REQUEST.exception(
                    "decision is KEEP (the holder keeps the bin) or TRANSFER (the claimant gets it)");
        }
        if (!ownership.resolve(reference, "TRANSFER".equals(resolution.decision()))) {
            throw CommonProblems.NOT_FOUND.exception("No dispute " + reference + " in this city");
        }
        return ResponseEntity.noContent().build();
    }
}
