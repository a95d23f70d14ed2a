package eu.selfdata.governance.readiness;

import eu.selfdata.governance.access.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ReadinessController {

    private final Readiness readiness;

    ReadinessController(Readiness readiness) {
        this.readiness = readiness;
    }

    record Reply(@NotNull Answer answer, @Size(max = 2000) String note) {}

    @GetMapping("/governance/readiness/questionnaire")
    Questionnaire questionnaire() {
        return readiness.questionnaire();
    }

    @PutMapping("/governance/readiness/partners/{partnerId}/answers/{itemId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void answer(
            Caller caller, @PathVariable UUID partnerId, @PathVariable String itemId, @Valid @RequestBody Reply reply) {
        readiness.answer(caller, partnerId, itemId, reply.answer(), reply.note());
    }

    @GetMapping("/governance/readiness/partners/{partnerId}/summary")
    ReadinessSummary summary(Caller caller, @PathVariable UUID partnerId) {
        return readiness.summary(caller, partnerId);
    }
}
