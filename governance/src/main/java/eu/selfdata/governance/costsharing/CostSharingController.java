package eu.selfdata.governance.costsharing;

import eu.selfdata.governance.access.Caller;
import eu.selfdata.governance.costsharing.domain.CostSharingKey;
import eu.selfdata.governance.tenantservice.CityUsage;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Budget periods, lines, keys, metered usage, allocation and closing: coordinators on the platform
 * host, the lead coordinator and partners' representatives also on their own city's host.
 */
@RestController
class CostSharingController {

    private final CostSharing costSharing;

    CostSharingController(CostSharing costSharing) {
        this.costSharing = costSharing;
    }

    record NewPeriod(
            @NotBlank @Size(max = 120) String name,
            @NotNull LocalDate startsOn,
            @NotNull LocalDate endsOn) {}

    record NewLine(
            @NotBlank @Size(max = 30) String category,
            @NotBlank @Size(max = 200) String label,
            @NotNull @PositiveOrZero Long amountCents,
            @NotNull CostSharingKey key) {}

    @GetMapping("/governance/periods")
    List<BudgetPeriod> periods(Caller caller) {
        return costSharing.periods(caller);
    }

    @PostMapping("/governance/periods")
    @ResponseStatus(HttpStatus.CREATED)
    BudgetPeriod open(Caller caller, @Valid @RequestBody NewPeriod request) {
        return costSharing.openPeriod(caller, request.name(), request.startsOn(), request.endsOn());
    }

    @PostMapping("/governance/periods/{id}/lines")
    @ResponseStatus(HttpStatus.CREATED)
    BudgetLine addLine(Caller caller, @PathVariable UUID id, @Valid @RequestBody NewLine request) {
        return costSharing.addLine(
                caller, id, request.category(), request.label(), request.amountCents(), request.key());
    }

    @PutMapping("/governance/periods/{id}/lines/{lineId}/key")
    BudgetLine changeKey(
            Caller caller, @PathVariable UUID id, @PathVariable UUID lineId, @RequestBody CostSharingKey key) {
        return costSharing.changeKey(caller, id, lineId, key);
    }

    @DeleteMapping("/governance/periods/{id}/lines/{lineId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeLine(Caller caller, @PathVariable UUID id, @PathVariable UUID lineId) {
        costSharing.removeLine(caller, id, lineId);
    }

    @PostMapping("/governance/periods/{id}/usage/refresh")
    Map<String, CityUsage> refreshUsage(Caller caller, @PathVariable UUID id) {
        return costSharing.refreshUsage(caller, id);
    }

    @GetMapping("/governance/periods/{id}/allocation")
    PeriodAllocation allocation(Caller caller, @PathVariable UUID id) {
        return costSharing.allocation(caller, id);
    }

    @PostMapping("/governance/periods/{id}/close")
    BudgetPeriod close(Caller caller, @PathVariable UUID id) {
        return costSharing.close(caller, id);
    }

    @PostMapping("/governance/periods/{id}/publish")
    BudgetPeriod publish(Caller caller, @PathVariable UUID id) {
        return costSharing.publish(caller, id);
    }
}
