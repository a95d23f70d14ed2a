package eu.selfdata.tenant.backup;

import eu.selfdata.tenant.tenancy.ClusterName;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The coordinator moves a city to another database cluster; the answer comes when the move is done
 * (the city is unavailable meanwhile). Asked again, it finishes an interrupted move or answers that the
 * city is there already. Each step is in the city's history ({@code MOVE_STARTED}, {@code MOVED},
 * {@code MOVE_DONE}, {@code MOVE_FAILED}).
 */
@RestController
class CityMoveController {

    private final CityMove moves;

    CityMoveController(CityMove moves) {
        this.moves = moves;
    }

    record MoveRequest(
            @NotNull @Pattern(regexp = ClusterName.PATTERN, message = "must be a cluster name")
            String cluster) {}

    @PostMapping("/platform/tenants/{slug}/move")
    MoveReport move(@PathVariable String slug, @Valid @RequestBody MoveRequest request) {
        return moves.move(slug, new ClusterName(request.cluster()));
    }
}
