package eu.selfdata.governance.oversight;

import eu.selfdata.governance.oversight.domain.PanelRule;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A use-case module enabled for one city under the watch of a citizen panel, which stops it when
 * {@code stopVotesRequired} members vote so; both the threshold and who may join the panel ({@code panelRule})
 * are fixed when the pilot starts.
 */
public record Pilot(
        UUID id,
        String city,
        String module,
        String title,
        int stopVotesRequired,
        PanelRule panelRule,
        String status,
        Instant startedAt,
        Instant stoppedAt,
        int panelSize,
        int stopVotes,
        List<Notice> notices) {

    public record Notice(String message, Instant at) {}
}
