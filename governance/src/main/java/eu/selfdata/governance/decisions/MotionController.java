package eu.selfdata.governance.decisions;

import eu.selfdata.governance.access.Caller;
import eu.selfdata.governance.decisions.domain.Choice;
import eu.selfdata.governance.decisions.domain.MotionKind;
import eu.selfdata.governance.decisions.domain.VotingRule;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class MotionController {

    private final Motions motions;

    MotionController(Motions motions) {
        this.motions = motions;
    }

    record NewMotion(
            @NotNull MotionKind kind,
            @NotBlank @Size(max = 200) String title,
            @Size(max = 5000) String description,
            VotingRule rule,
            UUID periodId) {}

    record Ballot(@NotNull UUID partnerId, @NotNull Choice choice) {}

    @PostMapping("/governance/motions")
    @ResponseStatus(HttpStatus.CREATED)
    Motion open(Caller caller, @Valid @RequestBody NewMotion request) {
        return motions.open(
                caller, request.kind(), request.title(), request.description(), request.rule(), request.periodId());
    }

    @GetMapping("/governance/motions")
    List<Motion> list(Caller caller) {
        return motions.list(caller);
    }

    @PostMapping("/governance/motions/{id}/votes")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void vote(Caller caller, @PathVariable UUID id, @Valid @RequestBody Ballot ballot) {
        motions.vote(caller, id, ballot.partnerId(), ballot.choice());
    }

    @PostMapping("/governance/motions/{id}/close")
    Motion close(Caller caller, @PathVariable UUID id) {
        return motions.close(caller, id);
    }
}
