package eu.selfdata.waste.page;

import eu.selfdata.usecase.api.CityStaff;
import eu.selfdata.waste.bin.BinOwnership;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The city admin's console page for household bins: links waiting for validation and disputed bins (never who
 * claims them: the admin checks the household's proof against the reference it was given), with the same decisions
 * as the API ({@link BinOwnership}). Under {@code /my/waste/}, so it answers 404 where the city has not enabled the
 * module; city admins only.
 */
@Controller
@RequestMapping("/my/waste/bin-claims")
public class BinClaimsPage {

    private final BinOwnership ownership;
    private final CityStaff staff;

    public BinClaimsPage(BinOwnership ownership, CityStaff staff) {
        this.ownership = ownership;
        this.staff = staff;
    }

    @GetMapping
    String page(Model model) {
        staff.requireAdmin();
        model.addAttribute("pending", ownership.pending());
        model.addAttribute("disputes", ownership.disputes());
        return "waste/bin-claims";
    }

    @PostMapping("/{binId}/validate")
    String validate(@PathVariable String binId) {
        staff.requireAdmin();
        return "redirect:/my/waste/bin-claims?done=" + (ownership.validate(binId) ? "validated" : "gone");
    }

    @PostMapping("/disputes/{reference}")
    String resolve(@PathVariable UUID reference, @RequestParam String decision) {
        staff.requireAdmin();
        boolean transfer = "TRANSFER".equals(decision);
        if (!transfer && !"KEEP".equals(decision)) {
            return "redirect:/my/waste/bin-claims?done=gone";
        }
        return "redirect:/my/waste/bin-claims?done="
                + (ownership.resolve(reference, transfer) ? decision.toLowerCase() : "gone");
    }
}
