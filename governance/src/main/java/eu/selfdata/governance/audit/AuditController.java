package eu.selfdata.governance.audit;

import eu.selfdata.governance.access.Caller;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail, read-only, for the platform coordinators. */
@RestController
class AuditController {

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/governance/audit")
    List<AuditTrail.Entry> entries(
            Caller caller,
            @RequestParam(required = false) String entity,
            @RequestParam(required = false) String entityId,
            @RequestParam(defaultValue = "200") int limit) {
        caller.requireCoordinator();
        return trail.entries(entity, entityId, Math.clamp(limit, 1, 1000));
    }
}
