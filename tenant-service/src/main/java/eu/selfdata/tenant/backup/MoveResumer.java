package eu.selfdata.tenant.backup;

import eu.selfdata.tenant.saga.SagaLock;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At start-up, ends the moves a crash interrupted (a replica still running one holds its lock and is
 * left alone): before the switch the partial target goes, after it the source.
 */
@Component
class MoveResumer {

    private static final Logger log = LoggerFactory.getLogger(MoveResumer.class);

    private final MoveJournal journal;
    private final CityMove moves;
    private final DataSource platform;

    MoveResumer(MoveJournal journal, CityMove moves, DataSource platform) {
        this.journal = journal;
        this.moves = moves;
        this.platform = platform;
    }

    @EventListener(ApplicationReadyEvent.class)
    void finishInterrupted() {
        for (MoveJournal.Move move : journal.unfinished()) {
            try (SagaLock lock = SagaLock.tryAcquire(platform, "move:" + move.city())) {
                if (lock.held()) {
                    moves.finish(move);
                }
            } catch (SQLException | RuntimeException e) {
                log.error("Could not end the interrupted move of {} to {}", move.city(), move.target(), e);
            }
        }
    }
}
